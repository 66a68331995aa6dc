package dev.hermes.infra.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;

class DataStackPropsTest {

    @Test
    void defaults() {
        assertEquals(new DataStackProps("hermes-", true, false, RemovalPolicy.RETAIN), DataStackProps.defaults());
    }

    @Test
    void emptyContextGivesDefaults() {
        assertEquals(DataStackProps.defaults(), DataStackProps.fromContext(key -> null));
    }

    @Test
    void readsContextStringsAndBooleans() {
        Map<String, Object> context = Map.of(
                DataStackProps.TABLE_PREFIX, "dev-",
                DataStackProps.DELETION_PROTECTION, "false",
                DataStackProps.CUSTOMER_MANAGED_KEY, true,
                DataStackProps.REMOVAL_POLICY, "destroy");
        assertEquals(new DataStackProps("dev-", false, true, RemovalPolicy.DESTROY),
                DataStackProps.fromContext(context::get));
    }

    @Test
    void rejectsAPrefixTheServicesWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> DataStackProps.defaults().withTablePrefix("bad prefix"));
    }

    @Test
    void rejectsRemovalPoliciesTablesDoNotSupport() {
        assertThrows(IllegalArgumentException.class,
                () -> DataStackProps.defaults().withRemovalPolicy(RemovalPolicy.SNAPSHOT));
    }

    @Test
    void rejectsANonBoolean() {
        assertThrows(IllegalArgumentException.class,
                () -> DataStackProps.fromContext(Map.<String, Object>of(DataStackProps.DELETION_PROTECTION, "yes")::get));
    }
}
