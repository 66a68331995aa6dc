package dev.hermes.orchestrator.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadMentionsTest {
    @Test
    void findsHashAndFooterMentionsInOrderWithoutRepeats() {
        assertEquals(List.of("abcdefgh", "zyxwvuts"),
                ThreadMentions.find("#abcdefgh then [hermes:zyxwvuts] and #abcdefgh again"));
    }

    @Test
    void ignoresWordsThatOnlyLookLikeMentions() {
        assertEquals(List.of(), ThreadMentions.find("a#abcdefgh #abcdefghi #ABCDEFGH #abcdefg1 ##abcdefgh #new"));
    }

    @Test
    void stripsMentionsFromTheInstruction() {
        assertEquals("please add a test", ThreadMentions.strip("#abcdefgh please add  [hermes:zyxwvuts] a test"));
    }
}
