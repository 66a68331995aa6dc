package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.config.IntakeConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per sender key. Answers 0 when a message may pass, else the seconds until one
 * may. In memory, per orchestrator instance; idle full buckets are forgotten.
 */
@Singleton
public class SenderRateLimiter {
    private static final int FORGET_ABOVE = 10_000;
    private final double capacity;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SenderRateLimiter(IntakeConfig config) {
        this.capacity = config.burst();
        this.tokensPerNano = config.perMinute() / 60e9;
    }

    public long secondsUntilAllowed(String sender) {
        long now = System.nanoTime();
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(sender, k -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
