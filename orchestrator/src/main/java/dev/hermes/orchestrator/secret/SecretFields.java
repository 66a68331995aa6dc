package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.table.RoutesTable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code secrets} attribute of a routes item: a map of name to {@code {value: sealed, updatedAt}}.
 * Reads the safe view (names and times) and single sealed values; never opens anything.
 */
public final class SecretFields {
    private SecretFields() {
    }

    /** {@code {value, updatedAt}} for a sealed value written at {@code now}. */
    public static AttributeValue entry(String sealed, long now) {
        return AttributeValue.fromM(Map.of(RoutesTable.SECRET_VALUE, AttributeValue.fromS(sealed),
                RoutesTable.SECRET_UPDATED_AT, AttributeValue.fromN(Long.toString(now))));
    }

    /** Name to last change (epoch ms), sorted by name. */
    public static Map<String, Long> updatedAt(Map<String, AttributeValue> item) {
        Map<String, Long> out = new TreeMap<>();
        entries(item).forEach((name, entry) -> {
            AttributeValue at = entry.hasM() ? entry.m().get(RoutesTable.SECRET_UPDATED_AT) : null;
            out.put(name, at == null || at.n() == null ? 0L : Long.parseLong(at.n()));
        });
        return out;
    }

    /** The sealed value of one secret, if the item has it. */
    public static Optional<String> sealed(Map<String, AttributeValue> item, String name) {
        AttributeValue entry = entries(item).get(name);
        if (entry == null || !entry.hasM() || entry.m().get(RoutesTable.SECRET_VALUE) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.m().get(RoutesTable.SECRET_VALUE).s());
    }

    public static Map<String, AttributeValue> entries(Map<String, AttributeValue> item) {
        AttributeValue secrets = item == null ? null : item.get(RoutesTable.SECRETS);
        return secrets == null || !secrets.hasM() ? Map.of() : secrets.m();
    }
}
