package dev.hermes.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.protocol.naming.MeterCatalog;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The infra mirror names exactly the meters of the protocol's catalog, with the same type, tag keys
 * and base unit: what the orchestrator registers (its tests check that against the same catalog) is
 * what the alarms, the dashboard and the conformance test expect.
 */
class HermesMetersCatalogTest {
    @Test
    void theMirrorIsTheCatalog() {
        assertEquals(describe(MeterCatalog.ALL.stream().collect(Collectors.toMap(MeterCatalog.Meter::name,
                        m -> m.kind().name() + " " + m.tags() + " " + m.baseUnit()))),
                describe(HermesMeters.ALL.stream().collect(Collectors.toMap(HermesMeter::name,
                        m -> m.type().name() + " " + m.tags().stream().sorted().toList() + " " + m.baseUnit()))));
    }

    private static String describe(Map<String, String> meters) {
        return new TreeMap<>(meters).toString().replace(", hermes.", ",\nhermes.");
    }
}
