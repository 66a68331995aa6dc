package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hermes.protocol.state.IllegalTransitionException;
import dev.hermes.protocol.state.ReplyStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReplyStatusTest {
    @Test
    void onlyAPendingReplyMoves() {
        for (ReplyStatus done : EnumSet.complementOf(EnumSet.of(ReplyStatus.PENDING))) {
            for (ReplyStatus next : ReplyStatus.values()) {
                assertFalse(done.canMoveTo(next), done + " -> " + next);
            }
        }
        assertThrows(IllegalTransitionException.class, () -> ReplyStatus.SENT.checkMoveTo(ReplyStatus.PENDING));
        assertThrows(IllegalTransitionException.class, () -> ReplyStatus.PENDING.checkMoveTo(ReplyStatus.HELD));
    }

    @Test
    void everyOutcomeIsReachedFromPendingOnly() {
        for (ReplyStatus outcome : EnumSet.of(ReplyStatus.SENT, ReplyStatus.FAILED, ReplyStatus.SKIPPED)) {
            assertEquals(EnumSet.of(ReplyStatus.PENDING), ReplyStatus.predecessorsOf(outcome));
        }
    }
}
