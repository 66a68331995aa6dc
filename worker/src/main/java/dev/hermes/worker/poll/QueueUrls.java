package dev.hermes.worker.poll;

import java.util.Objects;

/** The queues of one container, as the orchestrator recorded them on the container's item. */
public record QueueUrls(String in, String ctl, String out) {
    public QueueUrls {
        Objects.requireNonNull(in, "inQueueUrl");
        Objects.requireNonNull(out, "outQueueUrl");
    }
}
