package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.state.Channel;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the outbox. A new reply is tried at once; every {@code poll-interval} the due PENDING
 * replies of each channel that has a sender are found again (retries, and everything left over by
 * a restart or a crashed attempt). Each channel sends on its own threads, so a slow or failing
 * provider never holds up another channel, and a failing reply is rescheduled rather than retried in
 * place, so it never holds up the replies behind it. Channels without a sender keep their replies PENDING.
 */
@Singleton
public class ReplyDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);
    private static final long DRAIN_SECONDS = 10;
    private final Map<Channel, ReplySender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final OutboxStore outbox;
    private final DeliveryAttempt attempt;
    private final ReplyConfig config;
    private final Clock clock;
    private ScheduledExecutorService ticker;
    private volatile boolean closed;

    public ReplyDelivery(List<ReplySender> senders, OutboxStore outbox, DeliveryAttempt attempt, ReplyConfig config,
                         Clock clock) {
        for (ReplySender s : senders) {
            ReplySender before = this.senders.put(s.channel(), s);
            if (before != null) {
                throw new IllegalStateException("two reply senders for " + s.channel() + ": "
                        + before.getClass().getSimpleName() + " and " + s.getClass().getSimpleName());
            }
            AtomicInteger n = new AtomicInteger();
            pools.put(s.channel(), Executors.newFixedThreadPool(config.concurrency(), r -> {
                Thread t = new Thread(r, "hermes-reply-" + s.channel().name().toLowerCase() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }));
        }
        this.outbox = outbox;
        this.attempt = attempt;
        this.config = config;
        this.clock = clock;
    }

    public boolean hasSender(Channel channel) {
        return senders.containsKey(channel);
    }

    /** Tries the reply soon on its channel's threads; a no-op without a sender or while it is in flight here. */
    public void submit(Channel channel, String replyId) {
        ReplySender sender = senders.get(channel);
        if (sender == null || closed || !inFlight.add(replyId)) {
            return;
        }
        try {
            pools.get(channel).execute(() -> {
                try {
                    attempt.run(sender, replyId);
                } catch (RuntimeException e) {
                    // The claim expires and the next poll finds it again.
                    LOG.error("reply {} attempt broke off: {}", replyId, e.toString(), e);
                } finally {
                    inFlight.remove(replyId);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(replyId);
        }
    }

    /** One look at every channel's due replies. Never throws: the loop must not die. */
    public void pollOnce() {
        for (Channel channel : senders.keySet()) {
            try {
                for (String replyId : outbox.due(channel, clock.millis(), config.batchSize())) {
                    submit(channel, replyId);
                }
            } catch (RuntimeException e) {
                LOG.warn("looking for due {} replies failed, trying again in {}: {}", channel, config.pollInterval(),
                        e.toString());
            }
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Starts the poll loop (idempotent); the first look finds whatever a restart left PENDING. */
    public synchronized void start() {
        if (ticker != null || closed || senders.isEmpty()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hermes-reply-poll");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::pollOnce, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("reply delivery started for {}", senders.keySet());
    }

    @PreDestroy
    public synchronized void stop() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        for (ExecutorService pool : pools.values()) {
            pool.shutdown();
        }
        for (ExecutorService pool : pools.values()) {
            try {
                if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    pool.shutdownNow(); // unfinished attempts come back when their claims expire
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
    }
}
