package dev.hermes.orchestrator.inbound;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** An attachment as the command records it: name, type and size only, never the content. */
@Serdeable
public record Attachment(String name, String contentType, long size) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }
}
