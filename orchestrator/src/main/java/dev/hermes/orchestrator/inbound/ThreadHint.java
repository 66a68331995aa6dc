package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.thread.ThreadSignal;
import java.util.Objects;

/**
 * One clue to the thread a message belongs to. {@code direct} hints carry a thread id (plus-address,
 * footer token); the others carry a {@code thread-keys} key (a Message-ID, a phone pair…).
 */
public record ThreadHint(ThreadSignal signal, String value, boolean direct) {
    public ThreadHint {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(value, "value");
    }

    public static ThreadHint threadId(ThreadSignal signal, String threadId) {
        return new ThreadHint(signal, threadId, true);
    }

    public static ThreadHint key(ThreadSignal signal, String key) {
        return new ThreadHint(signal, key, false);
    }
}
