package dev.hermes.orchestrator.ops;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login sessions of the ops page, in this orchestrator's memory: a random id (the cookie), a random
 * CSRF token that every form carries, the token pasted at login (kept here only, so every request is
 * authenticated again and a revoked token's session ends with it), and an expiry. A restart logs
 * everyone out; logging out forgets the session at once. At most {@link #MAX} live sessions; the
 * oldest goes first.
 */
@Singleton
public class OpsSessions {
    static final int MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Clock clock;
    private final long ttlMillis;

    public record Session(String id, String csrf, String token, long expiresAt) {
        @Override
        public String toString() {
            return "Session[***]";
        }
    }

    public OpsSessions(Clock clock, OpsConfig config) {
        this.clock = clock;
        this.ttlMillis = config.sessionTtl().toMillis();
    }

    public synchronized Session open(String token) {
        dropExpired();
        if (sessions.size() >= MAX) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        Session s = new Session(random(), random(), token, clock.millis() + ttlMillis);
        sessions.put(s.id(), s);
        return s;
    }

    public synchronized Optional<Session> find(String id) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAt() <= clock.millis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    long ttlSeconds() {
        return ttlMillis / 1000;
    }

    private void dropExpired() {
        long now = clock.millis();
        sessions.values().removeIf(s -> s.expiresAt() <= now);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
