package dev.hermes.protocol.state;

import java.util.Locale;

/** What a worker did with an interrupt (the {@code outcome} tag of {@code hermes.interrupts}). */
public enum InterruptOutcome {
    /** The running command was stopped for a newer command of its thread. */
    SUPERSEDED,
    /** The running command was stopped for a command of another thread. */
    PREEMPTED,
    /** The target was not running (any more), or was already stopping for another reason. */
    IGNORED;

    public static InterruptOutcome of(InterruptKind kind) {
        return kind == InterruptKind.SUPERSEDE ? SUPERSEDED : PREEMPTED;
    }

    /** The tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
