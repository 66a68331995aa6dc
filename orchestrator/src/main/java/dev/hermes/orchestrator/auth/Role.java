package dev.hermes.orchestrator.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a bearer token may do, each role including the ones below it: {@code viewer} reads the safe
 * views and the ops page; {@code operator} also manages projects and routes and redrives dead
 * letters; {@code admin} also manages tokens and secrets.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
