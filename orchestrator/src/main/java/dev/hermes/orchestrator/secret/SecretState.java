package dev.hermes.orchestrator.secret;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The safe view of a secret: that it is set and when it last changed, never its value. */
@Serdeable
public record SecretState(boolean set, Instant updatedAt) {
    public static SecretState at(long epochMillis) {
        return new SecretState(true, Instant.ofEpochMilli(epochMillis));
    }
}
