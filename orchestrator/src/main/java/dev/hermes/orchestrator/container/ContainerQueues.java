package dev.hermes.orchestrator.container;

import java.util.Objects;

/** The URLs of one container's four queues. */
public record ContainerQueues(String in, String dlq, String ctl, String out) {
    public ContainerQueues {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(dlq, "dlq");
        Objects.requireNonNull(ctl, "ctl");
        Objects.requireNonNull(out, "out");
    }
}
