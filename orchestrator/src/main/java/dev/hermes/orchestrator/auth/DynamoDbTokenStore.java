package dev.hermes.orchestrator.auth;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.table.TokensTable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The {@code tokens} table. Few items: listing and finding by id scan it. */
@Singleton
public class DynamoDbTokenStore implements TokenStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTokenStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().tokens();
    }

    @Override
    public void create(String tokenHash, ApiToken token) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TokensTable.TOKEN_HASH, s(tokenHash));
        item.put(TokensTable.TOKEN_ID, s(token.tokenId()));
        item.put(TokensTable.NAME, s(token.name()));
        item.put(TokensTable.ROLE, s(token.role().wireName()));
        item.put(TokensTable.CREATED_AT, n(token.createdAt()));
        item.put(TokensTable.CREATED_BY, s(token.createdBy()));
        dynamo.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#h)")
                .expressionAttributeNames(Map.of("#h", TokensTable.TOKEN_HASH)));
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(TokensTable.TOKEN_HASH, tokenHash)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(token(item));
    }

    @Override
    public Optional<ApiToken> find(String tokenId) {
        return findItem(tokenId).map(DynamoDbTokenStore::token);
    }

    @Override
    public TokenPage list(String cursor, int limit) {
        Map<String, AttributeValue> start = cursor == null ? null : Items.key(TokensTable.TOKEN_HASH, Cursors.decode(cursor));
        ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).limit(limit).exclusiveStartKey(start));
        List<ApiToken> tokens = new ArrayList<>();
        page.items().forEach(item -> tokens.add(token(item)));
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Cursors.encode(page.lastEvaluatedKey().get(TokensTable.TOKEN_HASH).s()) : null;
        return new TokenPage(tokens, next);
    }

    @Override
    public Optional<String> revoke(String tokenId, long now) {
        Optional<Map<String, AttributeValue>> item = findItem(tokenId);
        item.ifPresent(found -> {
            try {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(Items.key(TokensTable.TOKEN_HASH, found.get(TokensTable.TOKEN_HASH).s()))
                        .updateExpression("SET #r = :now")
                        .conditionExpression("attribute_exists(#h) AND attribute_not_exists(#r)")
                        .expressionAttributeNames(Map.of("#r", TokensTable.REVOKED_AT, "#h", TokensTable.TOKEN_HASH))
                        .expressionAttributeValues(Map.of(":now", n(now))));
            } catch (ConditionalCheckFailedException e) {
                // revoked before: it stays as it was
            }
        });
        return item.map(found -> found.get(TokensTable.TOKEN_HASH).s());
    }

    private Optional<Map<String, AttributeValue>> findItem(String tokenId) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from)
                    .filterExpression("#i = :id")
                    .expressionAttributeNames(Map.of("#i", TokensTable.TOKEN_ID))
                    .expressionAttributeValues(Map.of(":id", s(tokenId))));
            if (!page.items().isEmpty()) {
                return Optional.of(page.items().get(0));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.empty();
    }

    private static ApiToken token(Map<String, AttributeValue> item) {
        return new ApiToken(Items.str(item, TokensTable.TOKEN_ID), Items.str(item, TokensTable.NAME),
                Role.parse(Items.str(item, TokensTable.ROLE)).orElse(Role.VIEWER), Items.num(item, TokensTable.CREATED_AT, 0),
                Items.str(item, TokensTable.CREATED_BY), Items.num(item, TokensTable.REVOKED_AT, 0));
    }
}
