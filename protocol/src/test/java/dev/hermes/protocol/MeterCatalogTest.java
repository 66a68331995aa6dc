package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.naming.MeterCatalog;
import dev.hermes.protocol.naming.MetricNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog names every meter constant of {@link MetricNames} once, with tag keys that are TAG_ constants. */
class MeterCatalogTest {
    @Test
    void everyMeterNameIsInTheCatalogOnce() throws Exception {
        Set<String> names = constants("hermes.");
        Set<String> catalogued = MeterCatalog.ALL.stream().map(MeterCatalog.Meter::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, catalogued);
        assertEquals(MeterCatalog.ALL.size(), catalogued.size(), "a meter is listed twice");
    }

    @Test
    void tagKeysAreTheTagConstants() throws Exception {
        Set<String> keys = Arrays.stream(MetricNames.class.getFields()).filter(f -> f.getName().startsWith("TAG_"))
                .map(MeterCatalogTest::value).collect(Collectors.toSet());
        MeterCatalog.ALL.forEach(m -> assertTrue(keys.containsAll(m.tags()), m.name() + " " + m.tags()));
    }

    private static Set<String> constants(String prefix) {
        return Arrays.stream(MetricNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(MeterCatalogTest::value).filter(v -> v.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
