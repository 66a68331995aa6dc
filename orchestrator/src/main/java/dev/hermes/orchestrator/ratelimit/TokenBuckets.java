package dev.hermes.orchestrator.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code capacity} at once, refilled at {@code perMinute}. Answers 0 when a
 * request may pass, else the seconds until one may. In memory, per instance; idle full buckets are
 * forgotten once there are many.
 */
public final class TokenBuckets {
    private static final int FORGET_ABOVE = 10_000;
    private final double capacity;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, int perMinute) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / 60e9;
    }

    public long secondsUntilAllowed(String key) {
        long now = System.nanoTime();
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
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
