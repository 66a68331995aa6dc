package dev.hermes.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything that travels on a Hermes queue. The JSON carries {@code type} and {@code schemaVersion};
 * unknown fields are ignored on read so either side may add one without breaking the other.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CommandMessage.class, name = "command"),
        @JsonSubTypes.Type(value = InterruptMessage.class, name = "interrupt"),
        @JsonSubTypes.Type(value = ProgressMessage.class, name = "progress"),
        @JsonSubTypes.Type(value = ResultMessage.class, name = "result"),
        @JsonSubTypes.Type(value = WorkerEventMessage.class, name = "event")
})
public sealed interface QueueMessage permits CommandMessage, InterruptMessage, ProgressMessage, ResultMessage,
        WorkerEventMessage {
    /** The version this build writes. A reader accepts any version up to its own. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    static void checkSchemaVersion(int version) {
        if (version < 1 || version > SCHEMA_VERSION) {
            throw new MalformedMessageException("unsupported schemaVersion " + version + " (this build reads 1.." + SCHEMA_VERSION + ")");
        }
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new MalformedMessageException(field + " is missing");
        }
        return value;
    }
}
