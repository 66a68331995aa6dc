package dev.hermes.orchestrator.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class QueueSafeTextTest {
    @Test
    void charactersSqsRefusesBecomeTheReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFDc", QueueSafeText.clean("a\uFFFEb\uFFFFc"));
        assertEquals("lone \uFFFD and \uFFFD", QueueSafeText.clean("lone \uD800 and \uDC00"));
        assertEquals("end \uFFFD", QueueSafeText.clean("end \uD83D"));
    }

    @Test
    void everythingElseIsKeptAsItIs() {
        String text = "Grüße 😀 tab\tline\nctl\u0001 \uE000";
        assertSame(text, QueueSafeText.clean(text));
    }
}
