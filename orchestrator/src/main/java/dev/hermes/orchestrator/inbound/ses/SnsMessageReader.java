package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Bytes → {@link SnsMessage}: strict UTF-8, a JSON object of string fields. Bad input is a 400. */
@Singleton
public class SnsMessageReader {
    private final JsonMapper json;

    public SnsMessageReader(JsonMapper json) {
        this.json = json;
    }

    public SnsMessage read(byte[] body) {
        if (body == null || body.length == 0) {
            throw RejectedException.badRequest("empty_body", "the request body is empty");
        }
        JsonNode root = parse(strictUtf8(body));
        if (!root.isObject()) {
            throw RejectedException.badRequest("invalid_json", "the SNS message is not a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.entries()) {
            if (e.getValue().isString()) {
                fields.put(e.getKey(), e.getValue().getStringValue());
            }
        }
        return SnsMessage.of(fields);
    }

    JsonNode parse(String text) {
        try {
            JsonNode node = json.readValue(text, JsonNode.class);
            if (node == null) {
                throw RejectedException.badRequest("invalid_json", "the body is not JSON");
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedException r) {
                throw r;
            }
            throw RejectedException.badRequest("invalid_json", "the body is not valid JSON");
        }
    }

    static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RejectedException.badRequest("invalid_utf8", "the body is not valid UTF-8");
        }
    }
}
