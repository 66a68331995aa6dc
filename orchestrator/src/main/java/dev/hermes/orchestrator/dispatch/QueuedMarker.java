package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.command.CommandStore;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RECEIVED -> QUEUED after the send, many commands per request and after the webhook has
 * answered: the status is bookkeeping, not a guarantee. A command left RECEIVED on its queue (this
 * write failed, or the process died first) is still run (a worker may take a RECEIVED command), and
 * a redelivery of its webhook completes the dispatch, which the FIFO deduplication makes harmless.
 */
@Singleton
public class QueuedMarker {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedMarker.class);
    private static final int MAX_ATTEMPTS = 3;
    private final CommandStore commands;

    public QueuedMarker(CommandStore commands) {
        this.commands = commands;
    }

    /** Tries each write up to three times; what still fails is logged and left RECEIVED. */
    public void markAll(List<CommandStore.Queued> queued) {
        List<CommandStore.Queued> open = queued;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !open.isEmpty(); attempt++) {
            try {
                open = commands.markQueued(open);
            } catch (RuntimeException e) {
                LOG.warn("QUEUED status of {} commands not written (attempt {}): {}", open.size(), attempt, e.getMessage());
            }
        }
        open.forEach(q -> LOG.warn("command {} stays RECEIVED on its queue after {} attempts at QUEUED",
                q.commandId(), MAX_ATTEMPTS));
    }
}
