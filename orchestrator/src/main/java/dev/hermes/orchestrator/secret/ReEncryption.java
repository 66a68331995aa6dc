package dev.hermes.orchestrator.secret;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.secret.SecretUnreadableException;
import dev.hermes.protocol.table.RoutesTable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The re-encrypt command: every stored secret (projects' and Hermes's own) is opened (so one that no
 * longer decrypts is reported), and each not sealed under the current key is sealed again, one conditional write per value (on the old
 * ciphertext, so a value changed meanwhile is left as its writer made it). Stored idempotent responses
 * are not rewritten: they expire within the idempotency TTL. Safe to run again at any time.
 */
@Singleton
public class ReEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(ReEncryption.class);
    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretCipher cipher;

    public ReEncryption(DynamoDbClient dynamo, TablesConfig tables, SecretCipher cipher) {
        this.dynamo = dynamo;
        this.table = tables.names().routes();
        this.cipher = cipher;
    }

    /** What a run did: values rewritten, values already current, and the ones that could not be opened. */
    public record Report(int rewritten, int current, List<String> unreadable) {
    }

    public Report run() {
        int rewritten = 0;
        int current = 0;
        List<String> unreadable = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from)
                    .filterExpression("attribute_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS)));
            for (Map<String, AttributeValue> item : page.items()) {
                String record = Items.str(item, RoutesTable.KEY);
                KeyRef now = cipher.currentKey(KeyScope.of(record));
                for (String name : SecretFields.entries(item).keySet()) {
                    String sealed = SecretFields.sealed(item, name).orElse(null);
                    if (sealed == null) {
                        continue;
                    }
                    try {
                        Secret value = cipher.open(record, name, sealed);
                        if (SecretCipher.keyOf(sealed).equals(now)) {
                            current++;
                        } else if (rewrite(record, name, sealed, value)) {
                            rewritten++;
                        }
                    } catch (SecretUnreadableException e) {
                        unreadable.add(record + " " + name);
                        LOG.warn("re-encrypt: {}", e.getMessage());
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        LOG.info("re-encrypt: {} values rewritten, {} already current, {} unreadable", rewritten, current, unreadable.size());
        return new Report(rewritten, current, unreadable);
    }

    private boolean rewrite(String record, String name, String sealed, Secret value) {
        String resealed = cipher.seal(record, name, value);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, record))
                    .updateExpression("SET #s.#n.#v = :new")
                    .conditionExpression("#s.#n.#v = :old")
                    .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS, "#n", name, "#v", RoutesTable.SECRET_VALUE))
                    .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(resealed), ":old", AttributeValue.fromS(sealed))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
