package dev.hermes.orchestrator.command;

import java.util.OptionalLong;

/** Commands waiting to run (RECEIVED, or QUEUED for a retry or a redrive), as the sparse {@code pending} index holds them. */
public interface PendingCommands {
    /** Epoch milliseconds since when the longest-waiting command waits; empty when none does. */
    OptionalLong oldestPendingSince();
}
