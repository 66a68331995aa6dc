package dev.hermes.infra.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.protocol.naming.TableNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Non-default props: another prefix, deletion protection off, customer-managed key. One synth. */
class DataStackVariantTest {
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String PREFIX = "acme-staging.";
    private static Template template;

    @BeforeAll
    static void synth() {
        DataStackProps props = DataStackProps.defaults()
                .withTablePrefix(PREFIX)
                .withDeletionProtection(false)
                .withCustomerManagedKey(true);
        template = Template.fromStack(new DataStack(new App(), "Variant", StackProps.builder().build(), props));
    }

    @Test
    void tableNamesUseThePrefix() {
        Set<Object> names = template.findResources(TABLE).values().stream()
                .map(resource -> ((Map<?, ?>) resource.get("Properties")).get("TableName"))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(new TableNames(PREFIX).all()), names);
    }

    @Test
    void deletionProtectionFollowsTheProp() {
        template.allResourcesProperties(TABLE, Map.of("DeletionProtectionEnabled", false));
    }

    @Test
    void customerManagedKeyRotates() {
        template.resourceCountIs("AWS::KMS::Key", 2);
        template.allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.allResources("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    void theSecretsKeyAliasUsesThePrefix() {
        template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName",
                "alias/" + PREFIX.replace('.', '-') + "secrets"));
    }

    @Test
    void everyTableIsEncryptedWithThatKey() {
        String keyId = template.findResources("AWS::KMS::Key", Map.of("Properties", Map.of("Description",
                Match.stringLikeRegexp("Encrypts the Hermes DynamoDB tables.*")))).keySet().iterator().next();
        template.allResourcesProperties(TABLE, Map.of("SSESpecification", Map.of(
                "SSEEnabled", true,
                "SSEType", "KMS",
                "KMSMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    }
}
