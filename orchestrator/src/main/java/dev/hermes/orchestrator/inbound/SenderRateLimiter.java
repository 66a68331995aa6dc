package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.config.IntakeConfig;
import dev.hermes.orchestrator.ratelimit.TokenBuckets;
import jakarta.inject.Singleton;

/**
 * A token bucket per sender key. Answers 0 when a message may pass, else the seconds until one
 * may. In memory, per orchestrator instance; idle full buckets are forgotten.
 */
@Singleton
public class SenderRateLimiter {
    private final TokenBuckets buckets;

    public SenderRateLimiter(IntakeConfig config) {
        this.buckets = new TokenBuckets(config.burst(), config.perMinute());
    }

    public long secondsUntilAllowed(String sender) {
        return buckets.secondsUntilAllowed(sender);
    }
}
