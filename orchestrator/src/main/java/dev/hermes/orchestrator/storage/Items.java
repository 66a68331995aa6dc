package dev.hermes.orchestrator.storage;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read DynamoDB attribute maps without noise. */
public final class Items {
    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    public static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, s(value));
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    public static Map<String, String> stringMap(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasM()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        v.m().forEach((k, value) -> out.put(k, value.s()));
        return out;
    }

    /**
     * An upper bound of the item's size as DynamoDB counts it (attribute names and values, UTF-8),
     * for keeping a request under its size limit.
     */
    public static long estimatedBytes(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += 3L * e.getKey().length() + estimatedBytes(e.getValue());
        }
        return total;
    }

    private static long estimatedBytes(AttributeValue v) {
        if (v.s() != null) {
            return 3L * v.s().length();
        }
        if (v.n() != null) {
            return 21;
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(Items::estimatedBytes).sum() + v.l().size();
        }
        if (v.hasM()) {
            return 3 + estimatedBytes(v.m());
        }
        return 8;
    }
}
