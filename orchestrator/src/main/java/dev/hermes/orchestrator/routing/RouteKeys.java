package dev.hermes.orchestrator.routing;

import dev.hermes.orchestrator.inbound.RejectedException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sender keys of the {@code routes} table, validated and normalised at the edge:
 * {@code email:{address}} (lower case), {@code sms:{E.164}}, {@code slack:{team}:{user}},
 * {@code chat:{user}}.
 */
public final class RouteKeys {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[a-z0-9.-]{1,253}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SLACK = Pattern.compile("[A-Z0-9]{2,32}:[A-Z0-9]{2,32}");
    private static final Pattern CHAT = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private RouteKeys() {
    }

    /** The normalised key, or a 400 naming what is wrong. */
    public static String normalise(String key) {
        if (key == null) {
            throw RejectedException.badRequest("invalid_route_key", "key is required");
        }
        int colon = key.indexOf(':');
        String kind = colon < 0 ? "" : key.substring(0, colon);
        String rest = colon < 0 ? "" : key.substring(colon + 1);
        switch (kind) {
            case "email" -> {
                String address = rest.toLowerCase(Locale.ROOT);
                require(EMAIL.matcher(address).matches(), "email:{address}");
                return "email:" + address;
            }
            case "sms" -> {
                require(E164.matcher(rest).matches(), "sms:{E.164 number, e.g. +15551234567}");
                return key;
            }
            case "slack" -> {
                require(SLACK.matcher(rest).matches(), "slack:{team id}:{user id}");
                return key;
            }
            case "chat" -> {
                require(CHAT.matcher(rest).matches(), "chat:{user}");
                return key;
            }
            default -> throw RejectedException.badRequest("invalid_route_key",
                    "key must start with email:, sms:, slack: or chat:");
        }
    }

    private static void require(boolean ok, String form) {
        if (!ok) {
            throw RejectedException.badRequest("invalid_route_key", "key must look like " + form);
        }
    }
}
