package dev.hermes.orchestrator.secret;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.table.RoutesTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code global:secrets} item of the {@code routes} table: each secret sealed with the item's key
 * and its name as associated data.
 */
@Singleton
public class DynamoDbSystemSecrets implements SystemSecrets {
    private static final String RECORD = RoutesTable.GLOBAL_SECRETS_KEY;
    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretCipher cipher;
    private final Clock clock;

    public DynamoDbSystemSecrets(DynamoDbClient dynamo, TablesConfig tables, SecretCipher cipher, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.names().routes();
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> list() {
        return SecretFields.updatedAt(item());
    }

    @Override
    public void put(SystemSecret name, Secret value) {
        String sealed = cipher.seal(RECORD, name.storeName(), value);
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, RECORD))
                .updateExpression("SET #s = if_not_exists(#s, :empty)")
                .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, RECORD))
                .updateExpression("SET #s.#n = :v")
                .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS, "#n", name.storeName()))
                .expressionAttributeValues(Map.of(":v", SecretFields.entry(sealed, clock.millis()))));
    }

    @Override
    public boolean delete(SystemSecret name) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, RECORD))
                    .updateExpression("REMOVE #s.#n")
                    .conditionExpression("attribute_exists(#s.#n)")
                    .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS, "#n", name.storeName())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Secret> read(SystemSecret name) {
        return SecretFields.sealed(item(), name.storeName()).map(sealed -> cipher.open(RECORD, name.storeName(), sealed));
    }

    private Map<String, AttributeValue> item() {
        return dynamo.getItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, RECORD)).consistentRead(true)).item();
    }
}
