package dev.hermes.orchestrator.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.local.TestQueues;
import dev.hermes.orchestrator.storage.BackendUnavailableException;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.state.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel dispatches of one container: each caller learns its own fate; the queue holds the sent ones once, in order. */
class DispatcherTest {
    @Test
    void aCommandSqsRefusesFailsItsCallerOnlyAndTheOthersAreQueuedInSequenceOrder() throws Exception {
        Dispatcher dispatcher = TestHermes.get().context().getBean(Dispatcher.class);
        ContainerKey key = ContainerKey.parse("sample#dispatch-" + UUID.randomUUID().toString().substring(0, 8));
        List<CommandRecord> commands = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // The intake cleans such text; here it reaches the dispatcher to make one SQS entry fail.
            String instruction = i == 7 ? "refused \uFFFE" : "task " + i;
            commands.add(CommandRecord.received(CommandId.of("test", UUID.randomUUID().toString()),
                    ThreadId.fromRootKey("dispatch-test-" + i, 0), key, Channel.EMAIL, "t", instruction,
                    new ReplyRoute("a@example.com", null, List.of(), "t", Map.of()), ThreadSignal.NEW, List.of(), 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        Map<String, Long> sequences = new HashMap<>();
        try {
            List<Future<Long>> calls = new ArrayList<>();
            for (CommandRecord c : commands) {
                calls.add(pool.submit(() -> dispatcher.dispatch(c)));
            }
            for (int i = 0; i < commands.size(); i++) {
                Future<Long> call = calls.get(i);
                if (i == 7) {
                    Exception e = assertThrows(Exception.class, call::get);
                    assertTrue(e.getCause() instanceof BackendUnavailableException, e.toString());
                } else {
                    sequences.put(commands.get(i).commandId().value(), call.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(23, sequences.values().stream().distinct().count(), "distinct sequence numbers");

        String queue = TestHermes.get().context().getBean(ContainerStore.class).find(key).orElseThrow().queues().in();
        List<CommandMessage> seen = TestQueues.drain(queue, 23);
        assertEquals(23, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            CommandMessage m = seen.get(i);
            assertEquals(sequences.get(m.commandId().value()), m.sequence(), "the caller got the number it was sent with");
            if (i > 0) {
                assertTrue(m.sequence() > seen.get(i - 1).sequence(), "queue order is sequence order");
            }
        }
    }
}
