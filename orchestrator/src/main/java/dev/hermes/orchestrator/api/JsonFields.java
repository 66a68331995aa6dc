package dev.hermes.orchestrator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.orchestrator.inbound.RejectedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object of a request body, read field by field: each reader names the field's JSON path in
 * its 400 ({@link InvalidFieldException}), and no message ever repeats a value. Unknown fields are
 * refused, so a misspelt one is not silently ignored.
 */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The body as an object; 400 {@code invalid_json} (with the position, never the text) otherwise. */
    public static JsonFields parse(String body) {
        if (body == null || body.isBlank()) {
            throw new RejectedException(400, "invalid_json", "the body must be a JSON object");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new RejectedException(400, "invalid_json", "the body is not valid JSON" + at);
        }
        if (tree == null || !tree.isObject()) {
            throw new RejectedException(400, "invalid_json", "the body must be a JSON object");
        }
        return new JsonFields((ObjectNode) tree, "");
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** 400 for any field not in {@code allowed}. */
    public JsonFields only(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(path(name), "unknown field (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    public String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw new InvalidFieldException(path(name), "is required");
        }
        return value;
    }

    public String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(path(name), "must be a string");
        }
        return value.asText();
    }

    public long number(String name, long fallback, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidFieldException(path(name), "must be a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }

    public List<String> texts(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidFieldException(path(name), "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidFieldException(path(name) + "[" + i + "]", "must be a string");
            }
            out.add(value.get(i).asText());
        }
        return out;
    }

    /** A map of string to string, in document order; null when absent. */
    public Map<String, String> textMap(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidFieldException(path(name), "must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new InvalidFieldException(path(name) + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** A nested object; null when absent. */
    public JsonFields object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidFieldException(path(name), "must be an object");
        }
        return new JsonFields((ObjectNode) value, path(name));
    }
}
