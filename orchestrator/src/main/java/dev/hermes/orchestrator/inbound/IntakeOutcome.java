package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import io.micronaut.serde.annotation.Serdeable;

/** What the intake did with a message: accepted (202) or recognised as a duplicate (200). */
@Serdeable
public record IntakeOutcome(String status, String threadId, String commandId, String signal) {
    public static IntakeOutcome accepted(ThreadId thread, CommandId command, ThreadSignal signal) {
        return new IntakeOutcome("accepted", thread.value(), command.value(), signal.name());
    }

    public static IntakeOutcome duplicate(ThreadId thread, CommandId command) {
        return new IntakeOutcome("duplicate", thread.value(), command.value(), null);
    }

    public boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
