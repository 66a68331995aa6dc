package dev.hermes.worker.testing;

import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.table.RoutesTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The three tables the worker reads and writes, with the orchestrator's key schema. */
public final class HermesTables {
    private HermesTables() {
    }

    public static TableNames create(DynamoDbClient dynamoDb, String prefix) {
        TableNames names = new TableNames(prefix);
        table(dynamoDb, names.containers(), ContainersTable.CONTAINER_KEY);
        table(dynamoDb, names.commands(), CommandsTable.COMMAND_ID);
        table(dynamoDb, names.routes(), RoutesTable.KEY);
        return names;
    }

    private static void table(DynamoDbClient dynamoDb, String name, String key) {
        dynamoDb.createTable(b -> b
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
    }
}
