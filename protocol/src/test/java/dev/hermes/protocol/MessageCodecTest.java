package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.message.WorkerEvent;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.state.InterruptOutcome;
import java.time.Instant;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.QueueMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper plain = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.COMMAND, Fixtures.INTERRUPT, Fixtures.PROGRESS, Fixtures.RESULT,
            Fixtures.EVENT_INTERRUPT, Fixtures.EVENT_LEASE, Fixtures.EVENT_FENCING})
    void goldenFixturesRoundTripUnchanged(String fixture) throws Exception {
        String golden = Fixtures.read(fixture);
        QueueMessage decoded = codec.decode(golden);
        String encoded = codec.encode(decoded);
        assertEquals(plain.readTree(golden), plain.readTree(encoded), "fixture " + fixture + " changed on round trip");
        assertEquals(decoded, codec.decode(encoded));
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() {
        QueueMessage newer = codec.decode(Fixtures.read(Fixtures.COMMAND_FROM_NEWER_WRITER));
        assertEquals(codec.decode(Fixtures.read(Fixtures.COMMAND)), newer);
    }

    @Test
    void commandFixtureCarriesTypedIds() {
        CommandMessage command = codec.decode(Fixtures.read(Fixtures.COMMAND), CommandMessage.class);
        assertEquals("thread-k3vq7xa2", command.threadId().branch());
        assertEquals("sample", command.containerKey().project().value());
        assertEquals("alice", command.containerKey().user().value());
        assertEquals(7, command.sequence());
    }

    @Test
    void resultFixtureIsAFinalStatus() {
        ResultMessage result = codec.decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class);
        assertEquals(CommandStatus.SUCCEEDED, result.status());
        assertEquals(2, result.filesChanged().size());
    }

    @Test
    void rejectsMissingSchemaVersion() {
        String json = Fixtures.read(Fixtures.COMMAND).replace("\"schemaVersion\": 1,", "");
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(json));
        assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
    }

    @Test
    void rejectsAFutureSchemaVersion() {
        String json = Fixtures.read(Fixtures.COMMAND).replace("\"schemaVersion\": 1", "\"schemaVersion\": 99");
        assertThrows(MalformedMessageException.class, () -> codec.decode(json));
    }

    @Test
    void rejectsAnInvalidIdWithAReason() {
        String json = Fixtures.read(Fixtures.COMMAND).replace("k3vq7xa2", "../../etc");
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(json));
        assertTrue(e.getMessage().contains("threadId"), e.getMessage());
    }

    @Test
    void rejectsUnknownTypeAndGarbage() {
        assertThrows(MalformedMessageException.class, () -> codec.decode("{\"type\":\"launch-missiles\",\"schemaVersion\":1}"));
        assertThrows(MalformedMessageException.class, () -> codec.decode("not json"));
        assertThrows(MalformedMessageException.class, () -> codec.decode(""));
    }

    @Test
    void rejectsAResultWithoutAFinalStatus() {
        String json = Fixtures.read(Fixtures.RESULT).replace("SUCCEEDED", "RUNNING");
        assertThrows(MalformedMessageException.class, () -> codec.decode(json));
    }

    @Test
    void wrongExpectedTypeIsMalformed() {
        assertThrows(MalformedMessageException.class,
                () -> codec.decode(Fixtures.read(Fixtures.RESULT), CommandMessage.class));
    }

    @Test
    void interruptFixtureDecodes() {
        assertInstanceOf(dev.hermes.protocol.message.InterruptMessage.class, codec.decode(Fixtures.read(Fixtures.INTERRUPT)));
    }

    @Test
    void messagesOfAnOlderWriterWithoutTheTimingFieldsStillDecode() throws Exception {
        String result = Fixtures.read(Fixtures.RESULT).replace(",\n  \"durationMillis\": 37000", "");
        String progress = Fixtures.read(Fixtures.PROGRESS).replace(",\n  \"queueWaitMillis\": 1250", "");
        String interrupt = Fixtures.read(Fixtures.INTERRUPT).replace(",\n  \"acceptedAt\": \"2026-11-22T07:30:59.750Z\"", "");
        assertNull(codec.decode(result, ResultMessage.class).durationMillis());
        assertNull(codec.decode(progress, ProgressMessage.class).queueWaitMillis());
        InterruptMessage old = codec.decode(interrupt, InterruptMessage.class);
        assertNull(old.acceptedAt());
        assertEquals(0, old.pendingMillis());
        // And a message without them is written exactly as before: absent, not null.
        assertEquals(plain.readTree(result), plain.readTree(codec.encode(codec.decode(result))));
    }

    @Test
    void timingFieldsOfTheGoldenFixtures() {
        assertEquals(37000L, codec.decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class).durationMillis());
        assertEquals(1250L, codec.decode(Fixtures.read(Fixtures.PROGRESS), ProgressMessage.class).queueWaitMillis());
        assertEquals(250, codec.decode(Fixtures.read(Fixtures.INTERRUPT), InterruptMessage.class).pendingMillis());
        WorkerEventMessage interrupt = codec.decode(Fixtures.read(Fixtures.EVENT_INTERRUPT), WorkerEventMessage.class);
        assertEquals(WorkerEvent.INTERRUPT, interrupt.event());
        assertEquals(InterruptOutcome.SUPERSEDED, interrupt.outcome());
        assertEquals(850L, interrupt.latencyMillis());
        WorkerEventMessage lease = codec.decode(Fixtures.read(Fixtures.EVENT_LEASE), WorkerEventMessage.class);
        assertEquals(Boolean.FALSE, lease.takeover());
        assertEquals(Instant.parse("2026-11-22T07:29:58.500Z"), lease.startingAt());
    }

    @Test
    void workerEventsAreValidatedPerKind() {
        String noOutcome = Fixtures.read(Fixtures.EVENT_INTERRUPT).replace("\"outcome\": \"SUPERSEDED\",", "");
        assertTrue(assertThrows(MalformedMessageException.class, () -> codec.decode(noOutcome)).getMessage()
                .contains("outcome"));
        String noTakeover = Fixtures.read(Fixtures.EVENT_LEASE).replace("\"takeover\": false,", "");
        assertThrows(MalformedMessageException.class, () -> codec.decode(noTakeover));
        String negative = Fixtures.read(Fixtures.EVENT_INTERRUPT).replace("850", "-1");
        assertThrows(MalformedMessageException.class, () -> codec.decode(negative));
        String unknownEvent = Fixtures.read(Fixtures.EVENT_FENCING).replace("FENCING_REJECTED", "SELF_DESTRUCT");
        assertThrows(MalformedMessageException.class, () -> codec.decode(unknownEvent));
    }
}
