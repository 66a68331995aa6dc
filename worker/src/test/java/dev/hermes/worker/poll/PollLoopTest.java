package dev.hermes.worker.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.worker.lease.Lease;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.lease.LeaseLostException;
import dev.hermes.worker.lease.LeaseNotGrantedException;
import dev.hermes.worker.lease.LeaseStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollLoopTest {
    private static final ContainerKey KEY = ContainerKey.parse("sample#alice");
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RecordingLeaseStore leases = new RecordingLeaseStore();
    private final ScriptedQueue queue = new ScriptedQueue();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aMessageThatArrivesWhileLeavingIsServedUnderANewLease() {
        queue.onReceive.add(() -> Optional.of(message("late")));   // the last look finds one
        queue.onReceive.add(Optional::empty);                      // the next last look: nothing

        PollLoop.Outcome outcome = loop(handledBy(handled), Duration.ZERO).run();

        assertEquals(PollLoop.Outcome.IDLE, outcome);
        assertEquals(List.of("late"), handled);
        assertEquals(List.of("acquire 1", "release 1", "acquire 2", "release 2"), leases.calls);
        assertEquals(List.of(Duration.ZERO, Duration.ZERO), queue.waits, "the last look does not wait");
    }

    @Test
    void aLateMessageIsReturnedWhenAnotherWorkerTookTheLease() {
        queue.onReceive.add(() -> Optional.of(message("late")));
        leases.refuseFrom = 2;

        assertEquals(PollLoop.Outcome.LEASE_TAKEN, loop(handledBy(handled), Duration.ZERO).run());
        assertEquals(List.of(), handled);
        assertEquals(List.of("late"), queue.returned);
    }

    @Test
    void theLoopSurvivesFailuresAndBacksOff() {
        queue.onReceive.add(() -> {
            throw new IllegalStateException("queue down");
        });
        queue.onReceive.add(() -> {
            throw new IllegalStateException("still down");
        });
        queue.onReceive.add(() -> Optional.of(message("m1")));
        queue.onReceive.add(() -> Optional.of(message("m2")));
        List<String> attempts = new CopyOnWriteArrayList<>();
        MessageHandler handler = m -> {
            attempts.add(m.messageId());
            if (m.messageId().equals("m1")) {
                throw new IllegalStateException("handler failed");
            }
            handled.add(m.messageId());
        };

        assertEquals(PollLoop.Outcome.IDLE, loop(handler, Duration.ofMillis(300)).run());
        assertEquals(List.of("m1", "m2"), attempts);
        assertEquals(List.of("m2"), handled);
        assertEquals(List.of("acquire 1", "release 1"), leases.calls);
    }

    @Test
    void aLeaseLostDuringAMessageEndsTheLoopWithoutAnotherWrite() {
        queue.onReceive.add(() -> Optional.of(message("m1")));
        MessageHandler handler = m -> {
            throw new LeaseLostException(KEY, "taken over");
        };

        assertEquals(PollLoop.Outcome.LEASE_LOST, loop(handler, Duration.ofSeconds(30)).run());
        assertEquals(List.of("acquire 1"), leases.calls, "nothing is written after the loss, not even a release");
    }

    @Test
    void stopEndsTheLoopAndReleasesTheLease() {
        PollLoop[] loop = new PollLoop[1];
        queue.onReceive.add(() -> Optional.of(message("m1")));
        loop[0] = loop(m -> loop[0].stop(), Duration.ofSeconds(30));

        assertEquals(PollLoop.Outcome.STOPPED, loop[0].run());
        assertEquals(List.of("acquire 1", "release 1"), leases.calls);
    }

    @Test
    void theLongPollWaitIsBetweenOneAndTwentySeconds() {
        assertEquals(Duration.ofSeconds(20), PollLoop.waitFor(Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(3), PollLoop.waitFor(Duration.ofMillis(2500)));
        assertEquals(Duration.ofSeconds(1), PollLoop.waitFor(Duration.ofMillis(10)));
    }

    private PollLoop loop(MessageHandler handler, Duration idle) {
        LeaseKeeper keeper = new LeaseKeeper(leases, "me", Duration.ofSeconds(30), scheduler, lost -> { });
        keeper.acquire();
        return new PollLoop(queue, handler, keeper, idle, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private static MessageHandler handledBy(List<String> handled) {
        return m -> handled.add(m.messageId());
    }

    private static ReceivedMessage message(String id) {
        return new ReceivedMessage(id, "{}", "receipt-" + id, 1);
    }

    /** Answers receives from a script; once the script is used up, nothing arrives. */
    private static final class ScriptedQueue implements InputQueue {
        final Deque<Supplier<Optional<ReceivedMessage>>> onReceive = new ArrayDeque<>();
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<String> returned = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "scripted-in.fifo";
        }

        @Override
        public Optional<ReceivedMessage> receive(Duration wait) {
            waits.add(wait);
            Supplier<Optional<ReceivedMessage>> next = onReceive.poll();
            return next == null ? Optional.empty() : next.get();
        }

        @Override
        public void extendVisibility(ReceivedMessage message, Duration timeout) {
            if (timeout.isZero()) {
                returned.add(message.messageId());
            }
        }

        @Override
        public void send(String body, String deduplicationId) {
        }

        @Override
        public void delete(ReceivedMessage message) {
        }
    }

    /** Grants and releases in memory, and records the calls. */
    private static final class RecordingLeaseStore implements LeaseStore {
        final List<String> calls = new CopyOnWriteArrayList<>();
        int refuseFrom = Integer.MAX_VALUE;
        private long version;

        @Override
        public synchronized Lease acquire(String owner, Duration duration) {
            if (version + 1 >= refuseFrom) {
                throw new LeaseNotGrantedException(KEY, "held by another");
            }
            version++;
            calls.add("acquire " + version);
            return new Lease(KEY, owner, version);
        }

        @Override
        public void renew(Lease lease, Duration duration) {
        }

        @Override
        public synchronized void release(Lease lease) {
            calls.add("release " + lease.version());
        }

        @Override
        public boolean isUnclaimed(Lease lease) {
            return false;
        }
    }
}
