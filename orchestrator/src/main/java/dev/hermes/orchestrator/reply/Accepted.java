package dev.hermes.orchestrator.reply;

import java.util.List;
import java.util.Objects;

/**
 * What a provider answered when it took a reply: its message id, and any identifiers an answer to
 * the reply may carry that must lead back to the thread (SES's own Message-ID).
 */
public record Accepted(String providerMessageId, List<String> threadKeys) {
    public Accepted {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
    }

    public static Accepted as(String providerMessageId) {
        return new Accepted(providerMessageId, List.of());
    }
}
