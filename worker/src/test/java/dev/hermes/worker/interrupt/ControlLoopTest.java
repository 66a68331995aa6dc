package dev.hermes.worker.interrupt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.worker.poll.Backoff;
import dev.hermes.worker.poll.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ControlLoopTest {
    private static final ContainerKey KEY = ContainerKey.parse("sample#alice");
    private static final MessageCodec CODEC = new MessageCodec();
    private static final CommandId RUNNING = CommandId.of("t", "running");
    private static final CommandId NEWER = CommandId.of("t", "newer");

    private final ScriptedControlQueue queue = new ScriptedControlQueue();
    private final List<String> interrupted = new CopyOnWriteArrayList<>();
    private final CompletableFuture<InterruptOutcome> settled = new CompletableFuture<>();
    private final AtomicBoolean holding = new AtomicBoolean(true);

    @Test
    void anInterruptIsDeletedOnlyOnceTheCommandsOutcomeIsSettledAndARepeatIsIgnored() {
        queue.script.add(List.of(interrupt("m1", RUNNING, NEWER)));
        queue.script.add(List.of(interrupt("m2", RUNNING, NEWER), new ReceivedMessage("m3", "not json", "r-m3", 1)));
        ControlLoop loop = start();

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deleted.containsAll(List.of("m2", "m3")));
        assertEquals(List.of("running>newer:SUPERSEDE"), interrupted, "the repeat did not reach the command");
        assertEquals(List.of("m2", "m3"), queue.deleted, "m1 waits for the command to settle");
        settled.complete(InterruptOutcome.SUPERSEDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deleted.contains("m1"));
        loop.stop();
    }

    @Test
    void aWorkerWithoutAFreshLeasePutsInterruptsBackForItsSuccessor() {
        holding.set(false);
        queue.script.add(List.of(interrupt("m1", RUNNING, NEWER)));
        ControlLoop loop = start();

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.returned.contains("m1"));
        assertEquals(List.of(), interrupted);
        assertEquals(List.of(), queue.deleted);
        loop.stop();
    }

    private ControlLoop start() {
        ControlLoop loop = new ControlLoop(queue, CODEC, KEY, (target, kind, by) -> {
            interrupted.add(name(target) + ">" + name(by) + ":" + kind);
            return settled;
        }, Duration.ofMillis(10), new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), holding::get);
        Thread thread = new Thread(loop::run, "control-loop-under-test");
        thread.setDaemon(true);
        thread.start();
        return loop;
    }

    private static String name(CommandId id) {
        return id.equals(RUNNING) ? "running" : id.equals(NEWER) ? "newer" : id.value();
    }

    private static ReceivedMessage interrupt(String messageId, CommandId target, CommandId by) {
        return new ReceivedMessage(messageId, CODEC.encode(InterruptMessage.of(KEY, target, by, InterruptKind.SUPERSEDE,
                Instant.now())), "r-" + messageId, 1);
    }

    private static final class ScriptedControlQueue implements ControlQueue {
        final Deque<List<ReceivedMessage>> script = new ArrayDeque<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();
        final List<String> returned = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "scripted-ctl";
        }

        @Override
        public synchronized List<ReceivedMessage> receive(Duration wait) {
            List<ReceivedMessage> next = script.poll();
            if (next == null) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait.toNanos());   // an empty long poll
                return List.of();
            }
            return next;
        }

        @Override
        public void delete(ReceivedMessage message) {
            deleted.add(message.messageId());
        }

        @Override
        public void returnToQueue(ReceivedMessage message) {
            returned.add(message.messageId());
        }
    }
}
