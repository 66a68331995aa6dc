package dev.hermes.orchestrator.thread;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.id.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DESIGN §7: the strongest signal that names a thread of the same user wins; otherwise a new
 * thread named after the message's root key. A thread never crosses users.
 */
@Singleton
public class ThreadResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadResolver.class);
    private static final int MAX_COLLISION_ATTEMPTS = 16;
    private final ThreadStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    public ThreadResolver(ThreadStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    public ResolvedThread resolve(InboundMessage message, UserId user, ContainerKey newThreadContainer) {
        List<ThreadHint> keyHints = message.hints().stream().filter(h -> !h.direct()).toList();
        Map<String, ThreadId> known = keyHints.isEmpty() ? Map.of()
                : store.lookup(keyHints.stream().map(ThreadHint::value).toList());
        for (ThreadHint hint : message.hints()) {
            ThreadId candidate = hint.direct() ? new ThreadId(hint.value()) : known.get(hint.value());
            if (candidate == null) {
                continue;
            }
            Optional<ThreadRecord> thread = store.find(candidate);
            if (thread.isEmpty()) {
                continue;
            }
            if (!thread.get().containerKey().user().equals(user)) {
                LOG.warn("ignored {} signal pointing to another user's thread {}", hint.signal(), candidate);
                meters.counter("hermes.thread.foreign_signal", "signal", hint.signal().name()).increment();
                continue;
            }
            return counted(new ResolvedThread(thread.get(), hint.signal(), false));
        }
        return counted(create(message, newThreadContainer));
    }

    private ResolvedThread counted(ResolvedThread resolved) {
        meters.counter("hermes.thread.signal", "signal", resolved.signal().name()).increment();
        return resolved;
    }

    private ResolvedThread create(InboundMessage message, ContainerKey container) {
        long now = clock.millis();
        for (int attempt = 0; attempt < MAX_COLLISION_ATTEMPTS; attempt++) {
            ThreadId id = ThreadId.fromRootKey(message.rootKey(), attempt);
            ThreadRecord fresh = new ThreadRecord(id, container, message.channel(), message.rootKey(),
                    message.title(), now, now, 1);
            if (store.create(fresh)) {
                return new ResolvedThread(fresh, ThreadSignal.NEW, true);
            }
            Optional<ThreadRecord> existing = store.find(id);
            if (existing.isPresent() && existing.get().rootKey().equals(message.rootKey())
                    && existing.get().containerKey().user().equals(container.user())) {
                // Another message of the same conversation created it first (a race, or a retry).
                return new ResolvedThread(existing.get(), ThreadSignal.NEW, false);
            }
            LOG.info("thread id {} is taken by another root key; rehashing (attempt {})", id, attempt + 1);
        }
        throw new IllegalStateException("no free thread id after " + MAX_COLLISION_ATTEMPTS + " attempts");
    }
}
