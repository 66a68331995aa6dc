package dev.hermes.orchestrator.reply;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a provider is tried: at most {@code maxAttempts} attempts, the n-th
 * retry waiting {@code backoff * 2^(n-1)} capped at {@code maxBackoff}, with "equal jitter" (a random
 * point in the upper half), so replies that failed together do not come back together.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("max-attempts must be 1..100");
        }
        if (backoff == null || backoff.isNegative() || backoff.isZero() || maxBackoff == null || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and max-backoff at least backoff");
        }
    }

    /** The wait after {@code attempts} failed attempts (1 for the first failure). */
    public Duration delayAfter(long attempts, RandomGenerator random) {
        long cap = maxBackoff.toMillis();
        long full = backoff.toMillis();
        for (long i = 1; i < attempts && full < cap; i++) {
            full *= 2;
        }
        full = Math.min(full, cap);
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
    }
}
