package dev.hermes.protocol.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of every queue message. Thread-safe; share one instance. */
public final class MessageCodec {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public String encode(QueueMessage message) {
        try {
            return mapper.writerFor(QueueMessage.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public QueueMessage decode(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty message body");
        }
        try {
            return mapper.readValue(json, QueueMessage.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new MalformedMessageException("unreadable queue message: " + reason, e);
        }
    }

    public <T extends QueueMessage> T decode(String json, Class<T> expected) {
        QueueMessage message = decode(json);
        if (!expected.isInstance(message)) {
            throw new MalformedMessageException("expected " + expected.getSimpleName() + " but got "
                    + message.getClass().getSimpleName());
        }
        return expected.cast(message);
    }
}
