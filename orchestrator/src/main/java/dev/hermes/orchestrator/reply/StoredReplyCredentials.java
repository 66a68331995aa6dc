package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.secret.SystemSecrets;
import dev.hermes.protocol.secret.Secret;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reply secrets from the credential store ({@code PUT /api/secrets/reply.…}), opened in this
 * process only and kept for {@code hermes.secrets.read-cache-seconds} (5); a secret the store does not
 * hold falls back to its configuration key ({@code hermes.reply.*}, e.g. injected by ECS from Secrets
 * Manager), so a deployment configured the older way keeps working.
 */
@Singleton
public class StoredReplyCredentials implements ReplyCredentials {
    private final SystemSecrets store;
    private final Environment environment;
    private final long ttlNanos;
    private final Map<ReplySecret, Cached> cache = new ConcurrentHashMap<>();

    public StoredReplyCredentials(SystemSecrets store, Environment environment,
                                  @Value("${hermes.secrets.read-cache-seconds:5}") int cacheSeconds) {
        this.store = store;
        this.environment = environment;
        this.ttlNanos = cacheSeconds * 1_000_000_000L;
    }

    private record Cached(Optional<Secret> value, long loadedAt) {
    }

    @Override
    public String secret(ReplySecret name) {
        long now = System.nanoTime();
        Cached cached = cache.get(name);
        if (cached == null || now - cached.loadedAt() >= ttlNanos) {
            cached = new Cached(store.read(name.stored()), now);
            cache.put(name, cached);
        }
        return cached.value().map(Secret::reveal)
                .or(() -> environment.getProperty(name.property(), String.class).filter(s -> !s.isBlank()))
                .orElseThrow(() -> new MissingCredentialException(name));
    }

    /** A secret changed through this instance: read it again at the next send. */
    public void forget() {
        cache.clear();
    }

    @Override
    public String toString() {
        return "StoredReplyCredentials[***]";
    }
}
