package dev.hermes.orchestrator.thread;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.naming.MetricNames;
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

    /** The thread of the message, created now if it is new: {@link #plan}, then {@link #createNew}. */
    public ResolvedThread resolve(InboundMessage message, UserId user, ContainerKey newThreadContainer) {
        ResolvedThread plan = plan(message, user, newThreadContainer);
        return plan.created() ? createNew(message, newThreadContainer) : plan;
    }

    /**
     * Reads only: the thread of the same user that the strongest signal names, or else the new
     * thread the message would start ({@code created} true), which the caller writes conditionally
     * and, should its id be taken, settles with {@link #createNew}.
     */
    public ResolvedThread plan(InboundMessage message, UserId user, ContainerKey newThreadContainer) {
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
                meters.counter(MetricNames.THREAD_FOREIGN_SIGNAL, MetricNames.TAG_SIGNAL, hint.signal().name()).increment();
                continue;
            }
            return counted(new ResolvedThread(thread.get(), hint.signal(), false));
        }
        return counted(new ResolvedThread(fresh(message, newThreadContainer, 0, clock.millis()), ThreadSignal.NEW, true));
    }

    private ResolvedThread counted(ResolvedThread resolved) {
        meters.counter(MetricNames.THREAD_SIGNAL, MetricNames.TAG_SIGNAL, resolved.signal().name()).increment();
        return resolved;
    }

    private static ThreadRecord fresh(InboundMessage message, ContainerKey container, int attempt, long now) {
        return new ThreadRecord(ThreadId.fromRootKey(message.rootKey(), attempt), container, message.channel(),
                message.rootKey(), message.title(), now, now, 1);
    }

    /**
     * The slow path of a new thread whose planned id was taken: creates it under the first free id
     * (rehashing past collisions with other root keys), or joins the thread that the same
     * conversation of the same user created first ({@code created} false).
     */
    public ResolvedThread createNew(InboundMessage message, ContainerKey container) {
        long now = clock.millis();
        for (int attempt = 0; attempt < MAX_COLLISION_ATTEMPTS; attempt++) {
            ThreadRecord fresh = fresh(message, container, attempt, now);
            ThreadId id = fresh.threadId();
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
