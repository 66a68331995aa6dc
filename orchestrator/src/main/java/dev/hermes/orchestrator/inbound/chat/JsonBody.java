package dev.hermes.orchestrator.inbound.chat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.inbound.RejectedException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A webhook's JSON object, read strictly (one object, UTF-8, no trailing tokens), and its fields. */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody parse(byte[] raw) {
        JsonNode node;
        try {
            node = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            throw RejectedException.badRequest("malformed_json", "the body is not valid UTF-8 JSON");
        }
        if (node == null || !node.isObject()) {
            throw RejectedException.badRequest("malformed_json", "the body must be a JSON object");
        }
        return new JsonBody(node);
    }

    JsonBody object(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) {
            throw RejectedException.badRequest("missing_field", "the body has no object '" + name + "'");
        }
        return new JsonBody(node);
    }

    boolean has(String name) {
        JsonNode node = root.get(name);
        return node != null && !node.isNull();
    }

    Optional<String> text(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw RejectedException.badRequest("bad_field", "'" + name + "' must be a string");
        }
        return Optional.of(node.asText());
    }

    String required(String name, Pattern shape) {
        String value = text(name).orElseThrow(
                () -> RejectedException.badRequest("missing_field", "the body has no '" + name + "'"));
        if (!shape.matcher(value).matches()) {
            throw RejectedException.badRequest("bad_field", "'" + name + "' is malformed");
        }
        return value;
    }
}
