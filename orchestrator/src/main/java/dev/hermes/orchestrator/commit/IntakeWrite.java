package dev.hermes.orchestrator.commit;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.thread.ResolvedThread;
import dev.hermes.orchestrator.thread.ThreadRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the intake writes for one message, all or nothing: the RECEIVED command (its conditional put
 * is the dedupe check), the new thread (conditional on its id being free) or one more message on an
 * existing one, and the message's own keys in {@code thread-keys} (first writer wins).
 *
 * @param newThread the thread to create with the command, or null
 * @param touch     whether the command's (existing) thread counts one more message
 * @param at        the time of the writes, epoch milliseconds
 */
public record IntakeWrite(CommandRecord command, ThreadRecord newThread, boolean touch, List<String> keys, long at) {
    public IntakeWrite {
        Objects.requireNonNull(command, "command");
        if (newThread != null && (touch || !newThread.threadId().equals(command.threadId()))) {
            throw new IllegalArgumentException("a new thread is the command's own and is not touched");
        }
        keys = List.copyOf(new LinkedHashSet<>(keys));
    }

    /** For a thread as planned: created with the command when new, else touched. */
    public static IntakeWrite planned(CommandRecord command, ResolvedThread plan, List<String> keys, long at) {
        return new IntakeWrite(command, plan.created() ? plan.thread() : null, !plan.created(), keys, at);
    }

    /** For a thread already settled: written by the resolver if it created it, else touched. */
    public static IntakeWrite settled(CommandRecord command, ResolvedThread resolved, List<String> keys, long at) {
        return new IntakeWrite(command, null, !resolved.created(), keys, at);
    }
}
