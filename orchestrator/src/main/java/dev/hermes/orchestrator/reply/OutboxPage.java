package dev.hermes.orchestrator.reply;

import java.util.List;

/** One page of outbox entries and the cursor of the next, null on the last page. */
public record OutboxPage(List<OutboxEntry> entries, String nextCursor) {
    public OutboxPage {
        entries = List.copyOf(entries);
    }
}
