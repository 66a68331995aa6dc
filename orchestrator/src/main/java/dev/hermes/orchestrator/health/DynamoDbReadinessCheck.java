package dev.hermes.orchestrator.health;

import dev.hermes.orchestrator.config.TablesConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB answers for the Hermes tables: {@code DescribeTable} of {@code threads} (no item read). */
@Singleton
public class DynamoDbReadinessCheck implements ReadinessCheck {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReadinessCheck(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().threads();
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public void check() {
        dynamo.describeTable(b -> b.tableName(table));
    }
}
