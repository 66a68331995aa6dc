package dev.hermes.protocol.state;

import java.util.Locale;

/**
 * What happens to a command that a command of another thread preempts (DESIGN §6). Stored per project
 * in {@code routes} as its lower-case name.
 */
public enum PreemptPolicy {
    /** Checkpoint and re-enqueue it behind the new command; it resumes on its branch with its work in progress. */
    RESUME,
    /** Checkpoint and report it INTERRUPTED. */
    INTERRUPT;

    /** @return the policy named {@code value} (any case), RESUME when it is null or blank */
    public static PreemptPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return RESUME;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preempt policy must be resume or interrupt, not '" + value + "'", e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
