package dev.hermes.orchestrator.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.inbound.email.MimeParserSupport;
import dev.hermes.protocol.id.CommandId;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits of the intake: every rejection is a 4xx with a reason and leaves no record behind. */
class IntakeLimitsTest {

    @Test
    void aSenderOverItsRateGets429WithRetryAfterAndNothingIsRecorded() {
        List<String> accepted = new ArrayList<>();
        List<String> limited = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            byte[] mail = MimeBuilder.build("rita@example.com", "hermes@hermes.localhost", "burst " + i, "Task " + i, null);
            String messageId = MimeParserSupport.messageId(mail);
            HttpResponse<String> r = TestHermes.postMime(mail);
            if (r.statusCode() == 429) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 without Retry-After");
                assertTrue(r.body().contains("\"rate_limited\""), r.body());
                limited.add(messageId);
            } else {
                assertEquals(202, r.statusCode(), r.body());
                accepted.add(messageId);
            }
        }
        assertTrue(accepted.size() >= 10, "the burst passes: " + accepted.size());
        assertTrue(!limited.isEmpty(), "the rest is limited");
        for (String id : limited) {
            assertEquals(404, command(id).statusCode(), "a limited message leaves no command");
        }
        for (String id : accepted) {
            assertEquals(200, command(id).statusCode());
        }
        double counted = TestHermes.get().context().getBean(MeterRegistry.class)
                .counter("hermes.requests.rejected", "reason", "rate_limited").count();
        assertTrue(counted >= limited.size(), "rejections are counted by reason: " + counted);
    }

    @Test
    void aBodyOverTheSizeCapIs413() {
        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        HttpResponse<String> r = TestHermes.postMime(huge);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"too_large\""), r.body());
    }

    private static HttpResponse<String> command(String messageId) {
        return TestHermes.send(TestHermes.api("/api/commands/" + CommandId.of("email", messageId).value()).GET());
    }
}
