package dev.hermes.protocol.naming;

import java.util.List;
import java.util.regex.Pattern;

/** The tables of DESIGN §4 under one prefix (default {@code hermes-}). */
public record TableNames(String prefix) {
    public static final String DEFAULT_PREFIX = "hermes-";
    /** GSI on {@code threads}: container key + last activity. */
    public static final String THREADS_BY_CONTAINER = "by-container";
    /** GSI on {@code commands}: thread + creation time. */
    public static final String COMMANDS_BY_THREAD = "by-thread";
    /**
     * Sparse GSI on {@code commands}: {@code pendingShard} + {@code pendingSince}, keys only, holding
     * only commands that wait to run; queried oldest first, one item, for the oldest pending age.
     */
    public static final String COMMANDS_PENDING = "pending";
    /** Sparse GSI on {@code outbox}: {@code dueChannel} + {@code nextAttemptAt}, only PENDING replies. */
    public static final String OUTBOX_DUE = "due";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{0,64}");

    public TableNames {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix must match " + PREFIX.pattern());
        }
    }

    public String threads() {
        return prefix + "threads";
    }

    public String threadKeys() {
        return prefix + "thread-keys";
    }

    public String commands() {
        return prefix + "commands";
    }

    public String containers() {
        return prefix + "containers";
    }

    public String routes() {
        return prefix + "routes";
    }

    public String outbox() {
        return prefix + "outbox";
    }

    /** API bearer tokens, by hash. */
    public String tokens() {
        return prefix + "tokens";
    }

    /** Stored responses of POSTs with an {@code Idempotency-Key}, expiring. */
    public String idempotency() {
        return prefix + "idempotency";
    }

    public List<String> all() {
        return List.of(threads(), threadKeys(), commands(), containers(), routes(), outbox(), tokens(), idempotency());
    }
}
