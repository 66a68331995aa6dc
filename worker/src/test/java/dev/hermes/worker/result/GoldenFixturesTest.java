package dev.hermes.worker.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.protocol.Fixtures;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ResultMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The worker reads the orchestrator's golden command and writes a result identical to the golden
 * result, so neither side can drift from the shared fixtures.
 */
class GoldenFixturesTest {
    private final MessageCodec codec = new MessageCodec();

    @Test
    void theResultOfTheGoldenCommandIsTheGoldenResult() throws Exception {
        CommandMessage command = codec.decode(Fixtures.read(Fixtures.COMMAND), CommandMessage.class);
        ResultMessage golden = codec.decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class);

        CommandOutcome outcome = new CommandOutcome(golden.status(), golden.summary(), command.threadId().branch(),
                golden.commitSha(), golden.filesChanged(), Instant.parse("2026-11-22T07:30:42Z"));
        String published = codec.encode(outcome.toResult(command.commandId(), command.threadId(), command.containerKey()));

        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Fixtures.read(Fixtures.RESULT)), json.readTree(published));
    }
}
