package dev.hermes.infra.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.OutboxTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The data stack with {@link DataStackProps#defaults()}: synthesized once for the class. */
class DataStackTest {
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final TableNames NAMES = new TableNames(TableNames.DEFAULT_PREFIX);
    private static Template template;

    @BeforeAll
    static void synth() {
        DataStack stack = new DataStack(new App(), "Test", StackProps.builder().build(), DataStackProps.defaults());
        template = Template.fromStack(stack);
    }

    /** table name, partition key, whether it has the TTL. */
    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of(NAMES.threads(), "threadId", false),
                Arguments.of(NAMES.threadKeys(), "key", true),
                Arguments.of(NAMES.commands(), "commandId", true),
                Arguments.of(NAMES.containers(), "containerKey", false),
                Arguments.of(NAMES.routes(), "key", false),
                Arguments.of(NAMES.outbox(), "replyId", true),
                Arguments.of(NAMES.tokens(), "tokenHash", false),
                Arguments.of(NAMES.idempotency(), "key", true));
    }

    @Test
    void createsTheEightTables() {
        template.resourceCountIs(TABLE, 8);
    }

    @Test
    void theCredentialStoreKeyRotatesAndIsNeverDeletedWithTheStack() {
        template.hasResource("AWS::KMS::Key", Map.of(
                "Properties", Map.of("EnableKeyRotation", true, "KeySpec", Match.absent(),
                        "Description", Match.stringLikeRegexp("Hermes credential store.*")),
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/hermes-secrets"));
        template.hasOutput("SecretsKeyArn", Match.anyValue());
    }

    @ParameterizedTest(name = "{0} is keyed by {1} (S) only")
    @MethodSource("tables")
    void keySchema(String tableName, String partitionKey, boolean expiring) {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", tableName,
                "KeySchema", List.of(Map.of("AttributeName", partitionKey, "KeyType", "HASH")),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", partitionKey, "AttributeType", "S")))));
    }

    @ParameterizedTest(name = "{0} TTL on expiresAt: {2}")
    @MethodSource("tables")
    void timeToLive(String tableName, String partitionKey, boolean expiring) {
        Object ttl = expiring
                ? Map.of("AttributeName", "expiresAt", "Enabled", true)
                : Match.absent();
        template.hasResourceProperties(TABLE, Map.of("TableName", tableName, "TimeToLiveSpecification", ttl));
    }

    @Test
    void threadsByContainerIndex() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", NAMES.threads(),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", "containerKey", "AttributeType", "S"),
                        Map.of("AttributeName", "lastActivityAt", "AttributeType", "N"))),
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", TableNames.THREADS_BY_CONTAINER,
                        "KeySchema", List.of(
                                Map.of("AttributeName", "containerKey", "KeyType", "HASH"),
                                Map.of("AttributeName", "lastActivityAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")))));
    }

    @Test
    void commandsByThreadIndex() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", NAMES.commands(),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", "threadId", "AttributeType", "S"),
                        Map.of("AttributeName", "createdAt", "AttributeType", "N"))),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                        "IndexName", TableNames.COMMANDS_BY_THREAD,
                        "KeySchema", List.of(
                                Map.of("AttributeName", "threadId", "KeyType", "HASH"),
                                Map.of("AttributeName", "createdAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL"))))));
    }

    @Test
    void commandsPendingIndexIsSparseAndKeysOnly() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", NAMES.commands(),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", CommandsTable.PENDING_SHARD, "AttributeType", "S"),
                        Map.of("AttributeName", CommandsTable.PENDING_SINCE, "AttributeType", "N"))),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                        "IndexName", TableNames.COMMANDS_PENDING,
                        "KeySchema", List.of(
                                Map.of("AttributeName", CommandsTable.PENDING_SHARD, "KeyType", "HASH"),
                                Map.of("AttributeName", CommandsTable.PENDING_SINCE, "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "KEYS_ONLY"))))));
    }

    @Test
    void outboxDueIndexForTheSendersPoll() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", NAMES.outbox(),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", OutboxTable.DUE_CHANNEL, "AttributeType", "S"),
                        Map.of("AttributeName", OutboxTable.NEXT_ATTEMPT_AT, "AttributeType", "N"))),
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", TableNames.OUTBOX_DUE,
                        "KeySchema", List.of(
                                Map.of("AttributeName", OutboxTable.DUE_CHANNEL, "KeyType", "HASH"),
                                Map.of("AttributeName", OutboxTable.NEXT_ATTEMPT_AT, "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")))));
    }

    @Test
    void onlyThreadsCommandsAndOutboxHaveIndexes() {
        assertEquals(3, template.findResources(TABLE, Map.of(
                "Properties", Map.of("GlobalSecondaryIndexes", Match.anyValue()))).size());
    }

    @Test
    void payPerRequestEverywhere() {
        template.allResourcesProperties(TABLE, Map.of("BillingMode", "PAY_PER_REQUEST"));
    }

    @Test
    void pointInTimeRecoveryEverywhere() {
        template.allResourcesProperties(TABLE, Map.of(
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void awsManagedEncryptionEverywhere() {
        template.allResourcesProperties(TABLE, Map.of(
                "SSESpecification", Map.of("SSEEnabled", true, "KMSMasterKeyId", Match.absent())));
        // The one key is the credential store's; no key is made for the tables.
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.hasResourceProperties("AWS::KMS::Key", Map.of("Description", Match.stringLikeRegexp("Hermes credential store.*")));
    }

    @Test
    void deletionProtectionOnByDefault() {
        template.allResourcesProperties(TABLE, Map.of("DeletionProtectionEnabled", true));
    }

    @Test
    void retainedOnDeleteAndReplace() {
        template.allResources(TABLE, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @ParameterizedTest(name = "{0} name and ARN are outputs")
    @MethodSource("tables")
    void outputsNameAndArn(String tableName, String partitionKey, boolean expiring) {
        String logicalId = template.findResources(TABLE, Map.of("Properties", Map.of("TableName", tableName)))
                .keySet().iterator().next();
        assertEquals(1, template.findOutputs("*", Map.of("Value", Map.of("Ref", logicalId))).size());
        assertEquals(1, template.findOutputs("*", Map.of(
                "Value", Map.of("Fn::GetAtt", List.of(logicalId, "Arn")))).size());
    }
}
