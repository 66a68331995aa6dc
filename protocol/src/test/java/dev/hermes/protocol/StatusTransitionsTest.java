package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ContainerStatus;
import dev.hermes.protocol.state.IllegalTransitionException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {

    @Test
    void finishedCommandsNeverMoveAgain() {
        for (CommandStatus done : EnumSet.of(CommandStatus.SUCCEEDED, CommandStatus.FAILED, CommandStatus.TIMED_OUT,
                CommandStatus.SUPERSEDED, CommandStatus.INTERRUPTED)) {
            assertTrue(done.isTerminal());
            for (CommandStatus next : CommandStatus.values()) {
                assertFalse(done.canMoveTo(next), done + " -> " + next);
            }
        }
    }

    @Test
    void happyPathIsAllowedAndSkippingBackIsNot() {
        assertDoesNotThrow(() -> CommandStatus.RECEIVED.checkMoveTo(CommandStatus.QUEUED));
        assertDoesNotThrow(() -> CommandStatus.QUEUED.checkMoveTo(CommandStatus.RUNNING));
        assertDoesNotThrow(() -> CommandStatus.RUNNING.checkMoveTo(CommandStatus.SUCCEEDED));
        assertThrows(IllegalTransitionException.class, () -> CommandStatus.SUCCEEDED.checkMoveTo(CommandStatus.RUNNING));
        assertThrows(IllegalTransitionException.class, () -> CommandStatus.QUEUED.checkMoveTo(CommandStatus.RECEIVED));
    }

    @Test
    void predecessorsAreTheConditionOfAWrite() {
        assertEquals(EnumSet.of(CommandStatus.RECEIVED, CommandStatus.QUEUED, CommandStatus.RUNNING),
                CommandStatus.predecessorsOf(CommandStatus.RUNNING));
        assertEquals(EnumSet.of(ContainerStatus.COLD, ContainerStatus.STARTING, ContainerStatus.RUNNING),
                ContainerStatus.predecessorsOf(ContainerStatus.RUNNING));
        assertThrows(IllegalTransitionException.class, () -> ContainerStatus.COLD.checkMoveTo(ContainerStatus.COLD));
    }
}
