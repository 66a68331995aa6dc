package dev.hermes.worker.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.protocol.Fixtures;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.message.QueueMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.worker.lease.Lease;
import dev.hermes.worker.lease.LeaseGrant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The worker reads the orchestrator's golden command and interrupt, and writes results, progress and
 * events identical to the golden ones, so neither side can drift from the shared fixtures.
 */
class GoldenFixturesTest {
    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theResultOfTheGoldenCommandIsTheGoldenResult() throws Exception {
        CommandMessage command = codec.decode(Fixtures.read(Fixtures.COMMAND), CommandMessage.class);
        ResultMessage golden = codec.decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class);

        CommandOutcome outcome = new CommandOutcome(golden.status(), golden.summary(), command.threadId().branch(),
                golden.commitSha(), golden.filesChanged(), Instant.parse("2026-11-22T07:30:42Z"));
        String published = codec.encode(outcome.toResult(command.commandId(), command.threadId(), command.containerKey())
                .withDuration(37_000L));

        assertEquals(json.readTree(Fixtures.read(Fixtures.RESULT)), json.readTree(published));
    }

    @Test
    void theStartedProgressIsTheGoldenProgress() throws Exception {
        CommandMessage command = codec.decode(Fixtures.read(Fixtures.COMMAND), CommandMessage.class);
        String published = codec.encode(ProgressMessage.of(command.commandId(), command.threadId(),
                command.containerKey(), "started", Instant.parse("2026-11-22T07:30:05Z")).withQueueWait(1250L));
        assertEquals(json.readTree(Fixtures.read(Fixtures.PROGRESS)), json.readTree(published));
    }

    @Test
    void theEventsTheReporterPublishesAreTheGoldenEvents() throws Exception {
        InterruptMessage interrupt = codec.decode(Fixtures.read(Fixtures.INTERRUPT), InterruptMessage.class);
        List<QueueMessage> published = new CopyOnWriteArrayList<>();
        try (EventReporter reporter = new EventReporter(interrupt.containerKey(), published::add,
                Clock.fixed(Instant.parse("2026-11-22T07:31:01Z"), ZoneOffset.UTC))) {
            reporter.interrupt(interrupt.target(), InterruptOutcome.SUPERSEDED, 850L);
        }
        assertEquals(json.readTree(Fixtures.read(Fixtures.EVENT_INTERRUPT)), json.readTree(codec.encode(published.get(0))));

        published.clear();
        try (EventReporter reporter = new EventReporter(interrupt.containerKey(), published::add,
                Clock.fixed(Instant.parse("2026-11-22T07:30:02Z"), ZoneOffset.UTC))) {
            reporter.acquired(new LeaseGrant(new Lease(interrupt.containerKey(), "w1", 3), false,
                    Instant.parse("2026-11-22T07:29:58.500Z").toEpochMilli()));
        }
        assertEquals(json.readTree(Fixtures.read(Fixtures.EVENT_LEASE)), json.readTree(codec.encode(published.get(0))));

        published.clear();
        try (EventReporter reporter = new EventReporter(interrupt.containerKey(), published::add,
                Clock.fixed(Instant.parse("2026-11-22T07:30:44Z"), ZoneOffset.UTC))) {
            reporter.fencingRejected();
        }
        String fencing = Fixtures.read(Fixtures.EVENT_FENCING)
                .replace("  \"commandId\": \"5d41402abc4b2a76b9719d911017c592\",\n", "");
        assertEquals(json.readTree(fencing), json.readTree(codec.encode(published.get(0))));
        assertEquals(new CommandId("5d41402abc4b2a76b9719d911017c592"),
                codec.decode(Fixtures.read(Fixtures.EVENT_FENCING), dev.hermes.protocol.message.WorkerEventMessage.class)
                        .commandId(), "the orchestrator also reads the command of a refused write");
    }
}
