package dev.hermes.orchestrator.reply;

import java.time.Duration;

/**
 * A provider did not take a reply. {@code retryable} says whether another attempt can help (a
 * timeout, a 5xx, throttling) or not (a refused destination, a malformed request); {@code retryAfter}
 * is the provider's own wait (a 429's Retry-After), or zero.
 */
public class ReplyFailedException extends RuntimeException {
    private final boolean retryable;
    private final Duration retryAfter;

    public ReplyFailedException(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public static ReplyFailedException retryable(String reason) {
        return new ReplyFailedException(reason, true, Duration.ZERO, null);
    }

    public static ReplyFailedException retryable(String reason, Throwable cause) {
        return new ReplyFailedException(reason, true, Duration.ZERO, cause);
    }

    public static ReplyFailedException permanent(String reason) {
        return new ReplyFailedException(reason, false, Duration.ZERO, null);
    }

    public static ReplyFailedException throttled(String reason, Duration retryAfter) {
        return new ReplyFailedException(reason, true, retryAfter, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
