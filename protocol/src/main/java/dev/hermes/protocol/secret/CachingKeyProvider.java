package dev.hermes.protocol.secret;

import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps data keys briefly, so sealing and opening do not call KMS for every value: the current data
 * key of each scope for {@code ttl} or {@code maxUses} seals, whichever comes first, and unwrapped
 * keys for {@code ttl} (at most 256 of them). {@link #forget()} drops everything (after a rotation).
 */
public final class CachingKeyProvider implements KeyProvider {
    private static final int MAX_UNWRAPPED = 256;
    private final KeyProvider delegate;
    private final long ttlNanos;
    private final int maxUses;
    private final LongSupplier nanoTime;
    private final Map<KeyScope, Current> current = new EnumMap<>(KeyScope.class);
    private final Map<String, Unwrapped> unwrapped = new LinkedHashMap<>(16, 0.75f, true);

    public CachingKeyProvider(KeyProvider delegate, Duration ttl, int maxUses) {
        this(delegate, ttl, maxUses, System::nanoTime);
    }

    public CachingKeyProvider(KeyProvider delegate, Duration ttl, int maxUses, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttlNanos = ttl.toNanos();
        this.maxUses = maxUses;
        this.nanoTime = nanoTime;
        if (ttl.isNegative() || maxUses < 1) {
            throw new IllegalArgumentException("the data key cache needs a non-negative ttl and at least one use");
        }
    }

    private record Current(DataKey key, long loadedAt, int uses) {
    }

    private record Unwrapped(byte[] key, long loadedAt) {
    }

    @Override
    public synchronized DataKey newDataKey(KeyScope scope) {
        long now = nanoTime.getAsLong();
        Current entry = current.get(scope);
        if (entry == null || now - entry.loadedAt() >= ttlNanos || entry.uses() >= maxUses) {
            entry = new Current(delegate.newDataKey(scope), now, 0);
        }
        current.put(scope, new Current(entry.key(), entry.loadedAt(), entry.uses() + 1));
        remember(cacheKey(entry.key().ref(), entry.key().wrapped(), scope), entry.key().plaintext(), entry.loadedAt());
        return entry.key();
    }

    @Override
    public synchronized byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        long now = nanoTime.getAsLong();
        String id = cacheKey(ref, wrapped, scope);
        Unwrapped entry = unwrapped.get(id);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.key();
        }
        byte[] key = delegate.unwrap(ref, wrapped, scope);
        remember(id, key, now);
        return key;
    }

    /** Drops every cached key: the next seal asks the delegate for a data key of the current master key. */
    public synchronized void forget() {
        current.clear();
        unwrapped.clear();
    }

    private void remember(String id, byte[] key, long loadedAt) {
        unwrapped.put(id, new Unwrapped(key, loadedAt));
        if (unwrapped.size() > MAX_UNWRAPPED) {
            unwrapped.remove(unwrapped.keySet().iterator().next());
        }
    }

    private static String cacheKey(KeyRef ref, byte[] wrapped, KeyScope scope) {
        return scope + "|" + ref + "|" + Base64.getEncoder().encodeToString(wrapped);
    }
}
