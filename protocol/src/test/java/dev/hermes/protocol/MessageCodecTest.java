package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.protocol.message.CommandMessage;
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
    @ValueSource(strings = {Fixtures.COMMAND, Fixtures.INTERRUPT, Fixtures.PROGRESS, Fixtures.RESULT})
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
}
