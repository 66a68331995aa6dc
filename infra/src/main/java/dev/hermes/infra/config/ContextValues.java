package dev.hermes.infra.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads of CDK context (or anything shaped like it: {@code -Dkey=value} system properties,
 * {@code -c key=value}, {@code cdk.json}). Values may be strings or JSON scalars; a missing key gives
 * the fallback, a malformed one fails the synth with the key in the message.
 */
public final class ContextValues {
    private final Function<String, Object> context;

    public ContextValues(Function<String, Object> context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public String string(String key, String fallback) {
        Object value = context.apply(key);
        return value == null ? fallback : value.toString().trim();
    }

    /** The value, or {@code null} when the key is absent or blank. */
    public String optional(String key) {
        String value = string(key, null);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean bool(String key, boolean fallback) {
        Object value = context.apply(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        };
    }

    public int integer(String key, int fallback) {
        Object value = context.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }

    public double decimal(String key, double fallback) {
        Object value = context.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
        }
    }

    /** A comma-separated list (or a JSON array); empty when absent. */
    public List<String> list(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        Object value = context.apply(key);
        return value == null ? fallback : parse(key, value.toString(), type);
    }

    /** A comma-separated list of enum constants (case and {@code -}/{@code _} insensitive); empty when absent. */
    public <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String item : list(key)) {
            set.add(parse(key, item, type));
        }
        return set;
    }

    private static <E extends Enum<E>> E parse(String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", was '" + value + "'", e);
        }
    }
}
