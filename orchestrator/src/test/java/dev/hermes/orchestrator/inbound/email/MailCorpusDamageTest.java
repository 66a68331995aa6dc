package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.RejectedException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus message truncated and garbled: parsed, or refused with a 4xx. Never anything else. */
class MailCorpusDamageTest {
    private final MimeParser parser = new MimeParser(new EmailConfig("hermes.localhost", "hermes", "Hermes"));

    static Stream<MailCorpus.Case> cases() {
        return MailCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void truncatedOrGarbledItIsParsedOrRefusedWithA4xx(MailCorpus.Case c) {
        byte[] raw = c.raw();
        Random random = new Random(raw.length);
        for (int i = 1; i <= 20; i++) {
            survives(Arrays.copyOf(raw, raw.length * i / 21), c + " cut at " + i + "/21");
            byte[] garbled = raw.clone();
            for (int j = 0; j < 1 + raw.length / 50; j++) {
                garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
            }
            survives(garbled, c + " garbled, round " + i);
        }
    }

    private void survives(byte[] raw, String what) {
        try {
            parser.parse(raw, List.of());
        } catch (RejectedException e) {
            assertTrue(e.status() >= 400 && e.status() < 500, what + ": " + e.status());
            assertTrue(!e.getMessage().contains("\n"), what + ": reason is not one line");
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }
}
