package dev.hermes.orchestrator.reply.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.reply.RetryPolicy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {
    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndCapped() {
        assertEquals(Duration.ofSeconds(7), ProviderHttp.retryAfter("7"));
        assertEquals(Duration.ZERO, ProviderHttp.retryAfter(null));
        assertEquals(Duration.ZERO, ProviderHttp.retryAfter("soon"));
        assertEquals(ProviderHttp.MAX_RETRY_AFTER, ProviderHttp.retryAfter("999999"));
        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = ProviderHttp.retryAfter(date);
        assertTrue(d.compareTo(Duration.ofSeconds(100)) > 0 && d.compareTo(Duration.ofSeconds(121)) <= 0, d.toString());
    }

    @Test
    void backoffDoublesWithinItsUpperHalfAndStopsAtTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            long first = policy.delayAfter(1, random).toMillis();
            long third = policy.delayAfter(3, random).toMillis();
            long tenth = policy.delayAfter(10, random).toMillis();
            assertTrue(first >= 500 && first <= 1000, "first " + first);
            assertTrue(third >= 2000 && third <= 4000, "third " + third);
            assertTrue(tenth >= 5000 && tenth <= 10000, "tenth " + tenth);
        }
    }
}
