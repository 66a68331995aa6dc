package dev.hermes.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * One instruction to a worker, derived from the inbound event ({@code sha256(channel + provider
 * event id)}), so a redelivered webhook maps to the same command and is dropped as a duplicate.
 * 32 hex characters; also the FIFO deduplication id.
 */
public record CommandId(@JsonValue String value) {
    public static final Pattern PATTERN = Pattern.compile("[0-9a-f]{32}");

    @JsonCreator
    public CommandId {
        Ids.require("commandId", value, PATTERN);
    }

    public static CommandId of(String channel, String providerEventId) {
        if (channel == null || channel.isBlank() || providerEventId == null || providerEventId.isBlank()) {
            throw new InvalidIdException("a command id needs a channel and a provider event id");
        }
        return new CommandId(Ids.hex(Ids.sha256(channel + "\u0000" + providerEventId), 32));
    }

    @Override
    public String toString() {
        return value;
    }
}
