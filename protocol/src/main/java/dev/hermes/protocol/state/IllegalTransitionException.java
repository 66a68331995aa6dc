package dev.hermes.protocol.state;

/** A status change that the transition table does not allow: a bug or a stale writer, never retried. */
public class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(Enum<?> from, Enum<?> to) {
        super("illegal transition " + from + " -> " + to);
    }
}
