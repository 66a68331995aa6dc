package dev.hermes.orchestrator.storage;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.table.IdempotencyTable;
import dev.hermes.protocol.table.OutboxTable;
import dev.hermes.protocol.table.RoutesTable;
import dev.hermes.protocol.table.TokensTable;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the tables of DESIGN §4 when {@code hermes.tables.create=true} (local mode and tests).
 * On AWS the tables come from the CDK data stack with the same keys and indexes.
 */
@Context
@Requires(property = "hermes.tables.create", value = "true")
public class TableProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TableProvisioner.class);
    private final DynamoDbClient dynamo;
    private final TableNames names;

    public TableProvisioner(DynamoDbClient dynamo, TablesConfig config) {
        this.dynamo = dynamo;
        this.names = config.names();
    }

    @PostConstruct
    public void createMissing() {
        Set<String> existing = Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (CreateTableRequest table : definitions()) {
            if (!existing.contains(table.tableName())) {
                dynamo.createTable(table);
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
                LOG.info("created table {}", table.tableName());
                if (table.tableName().equals(names.idempotency())) {
                    expireOn(table.tableName(), IdempotencyTable.EXPIRES_AT);
                }
            } else {
                addMissingIndexes(table);
            }
        }
    }

    /** DynamoDB's TTL; readers also treat an expired item as absent, since TTL deletes lazily. */
    private void expireOn(String table, String attribute) {
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
    }

    /** A table kept on disk from an older version (local {@code --data-dir}) gets the indexes added since. */
    private void addMissingIndexes(CreateTableRequest table) {
        if (!table.hasGlobalSecondaryIndexes()) {
            return;
        }
        TableDescription now = dynamo.describeTable(b -> b.tableName(table.tableName())).table();
        Set<String> present = now.hasGlobalSecondaryIndexes()
                ? Set.copyOf(now.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList()) : Set.of();
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            if (!present.contains(index.indexName())) {
                dynamo.updateTable(b -> b.tableName(table.tableName()).attributeDefinitions(table.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
                LOG.info("added index {} to table {}", index.indexName(), table.tableName());
            }
        }
    }

    List<CreateTableRequest> definitions() {
        return List.of(
                table(names.threads(), "threadId", index(TableNames.THREADS_BY_CONTAINER, "containerKey", "lastActivityAt")),
                table(names.threadKeys(), "key"),
                table(names.commands(), CommandsTable.COMMAND_ID,
                        index(TableNames.COMMANDS_BY_THREAD, CommandsTable.THREAD_ID, CommandsTable.CREATED_AT),
                        // Sparse, keys only: waiting commands, for the oldest-pending gauge.
                        index(TableNames.COMMANDS_PENDING, CommandsTable.PENDING_SHARD, CommandsTable.PENDING_SINCE,
                                ProjectionType.KEYS_ONLY)),
                table(names.containers(), ContainersTable.CONTAINER_KEY),
                table(names.routes(), RoutesTable.KEY),
                table(names.outbox(), OutboxTable.REPLY_ID,
                        index(TableNames.OUTBOX_DUE, OutboxTable.DUE_CHANNEL, OutboxTable.NEXT_ATTEMPT_AT)),
                table(names.tokens(), TokensTable.TOKEN_HASH),
                table(names.idempotency(), IdempotencyTable.KEY));
    }

    /** Every index is keyed by a string partition and a number (epoch ms) sort key. */
    private static CreateTableRequest table(String name, String partitionKey, GlobalSecondaryIndex... indexes) {
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(attr(partitionKey, ScalarAttributeType.S)));
        for (GlobalSecondaryIndex index : indexes) {
            attributes.add(attr(index.keySchema().get(0).attributeName(), ScalarAttributeType.S));
            attributes.add(attr(index.keySchema().get(1).attributeName(), ScalarAttributeType.N));
        }
        b.attributeDefinitions(attributes);
        return indexes.length == 0 ? b.build() : b.globalSecondaryIndexes(indexes).build();
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return index(name, hash, range, ProjectionType.ALL);
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range, ProjectionType projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(projection).build())
                .build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
