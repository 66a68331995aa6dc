package dev.hermes.orchestrator.routing;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.secret.SecretFields;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.table.RoutesTable;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Projects in the {@code routes} table ({@code project:{id}} items). Secrets are sealed before they
 * are written, each with the item's key and its name as associated data; a read returns only which
 * are set. Every write conditions on the state it expects and bumps {@code version}.
 */
@Singleton
public class DynamoDbProjectStore implements ProjectStore {
    private static final String LIVE = "attribute_exists(#key) AND attribute_not_exists(#deleted)";
    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher<ProjectChanged> changes;

    public DynamoDbProjectStore(DynamoDbClient dynamo, TablesConfig tables, SecretCipher cipher, Clock clock,
                                ApplicationEventPublisher<ProjectChanged> changes) {
        this.dynamo = dynamo;
        this.table = tables.names().routes();
        this.cipher = cipher;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    public Optional<ProjectRecord> find(ProjectId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProjectItems.record(item));
    }

    @Override
    public ProjectPage list(String cursor, int limit, boolean includeDeleted) {
        List<ProjectRecord> projects = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : Items.key(RoutesTable.KEY, Cursors.decode(cursor));
        String filter = "begins_with(#k, :project)" + (includeDeleted ? "" : " AND attribute_not_exists(#d)");
        Map<String, String> names = new HashMap<>(Map.of("#k", RoutesTable.KEY));
        if (!includeDeleted) {
            names.put("#d", RoutesTable.DELETED_AT);
        }
        while (true) {
            Map<String, AttributeValue> from = start;
            // Filtered scans return short pages: read on until the page is full or the table ends.
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).limit(limit).exclusiveStartKey(from)
                    .filterExpression(filter).expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":project", s(RoutesTable.projectKey("")))));
            for (Map<String, AttributeValue> item : page.items()) {
                projects.add(ProjectItems.record(item));
                if (projects.size() == limit) {
                    return new ProjectPage(projects, Cursors.encode(Items.str(item, RoutesTable.KEY)));
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new ProjectPage(projects, null);
            }
            start = page.lastEvaluatedKey();
        }
    }

    @Override
    public ProjectRecord create(ProjectConfig config) {
        ProjectId id = config.settings().id();
        long now = clock.millis();
        Map<String, AttributeValue> item = new HashMap<>(ProjectItems.settings(config.settings()));
        item.put(RoutesTable.KEY, s(RoutesTable.projectKey(id.value())));
        if (config.gitUsername() != null) {
            item.put(RoutesTable.GIT_USERNAME, s(config.gitUsername()));
        }
        Map<String, AttributeValue> secrets = new HashMap<>();
        config.secrets().forEach((name, value) -> secrets.put(name, SecretFields.entry(seal(id, name, value), now)));
        item.put(RoutesTable.SECRETS, AttributeValue.fromM(secrets));
        item.put(RoutesTable.CREATED_AT, n(now));
        item.put(RoutesTable.UPDATED_AT, n(now));
        item.put(RoutesTable.VERSION, n(1));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", RoutesTable.KEY)));
        } catch (ConditionalCheckFailedException e) {
            boolean deleted = find(id).map(ProjectRecord::deleted).orElse(false);
            throw new ProjectConflictException("project_exists", "project " + id + " exists"
                    + (deleted ? " (deleted: POST /api/projects/" + id + "/restore brings it back)" : ""));
        }
        changed(id);
        return ProjectItems.record(item);
    }

    @Override
    public ProjectRecord update(ProjectConfig config) {
        ProjectId id = config.settings().id();
        long now = clock.millis();
        Update update = new Update();
        ProjectItems.settings(config.settings()).forEach(update::set);
        if (config.gitUsername() != null) {
            update.set(RoutesTable.GIT_USERNAME, s(config.gitUsername()));
        } else {
            update.remove(RoutesTable.GIT_USERNAME);
        }
        if (!config.secrets().isEmpty()) {
            ensureSecretsMap(id);
        }
        config.secrets().forEach((name, value) -> update.setSecret(name, SecretFields.entry(seal(id, name, value), now)));
        return write(id, update, LIVE, () -> new ProjectNotFoundException(id));
    }

    @Override
    public ProjectRecord delete(ProjectId id) {
        Update update = new Update();
        update.set(RoutesTable.DELETED_AT, n(clock.millis()));
        return write(id, update, LIVE, () -> new ProjectNotFoundException(id));
    }

    @Override
    public ProjectRecord restore(ProjectId id) {
        Update update = new Update();
        update.remove(RoutesTable.DELETED_AT);
        return write(id, update, "attribute_exists(#key) AND attribute_exists(#deleted)", () -> find(id).isPresent()
                ? new ProjectConflictException("not_deleted", "project " + id + " is not deleted")
                : new ProjectNotFoundException(id));
    }

    @Override
    public ProjectRecord putSecret(ProjectId id, String name, Secret value) {
        ensureSecretsMap(id);
        Update update = new Update();
        update.setSecret(name, SecretFields.entry(seal(id, name, value), clock.millis()));
        return write(id, update, LIVE, () -> new ProjectNotFoundException(id));
    }

    @Override
    public ProjectRecord deleteSecret(ProjectId id, String name) {
        Update update = new Update();
        update.removeSecret(name);
        return write(id, update, LIVE + " AND attribute_exists(#secrets.#secret)",
                () -> find(id).filter(p -> !p.deleted()).isEmpty() ? new ProjectNotFoundException(id)
                        : new dev.hermes.orchestrator.inbound.RejectedException(404, "not_found",
                                "project " + id + " has no secret " + name));
    }

    private String seal(ProjectId id, String name, Secret value) {
        return cipher.seal(RoutesTable.projectKey(id.value()), name, value);
    }

    /** Nested {@code SET secrets.name} needs the map: older items may not have it. */
    private void ensureSecretsMap(ProjectId id) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET #s = if_not_exists(#s, :empty)")
                    .conditionExpression("attribute_exists(#key)")
                    .expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS, "#key", RoutesTable.KEY))
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProjectNotFoundException(id);
        }
    }

    private ProjectRecord write(ProjectId id, Update update, String condition,
                                java.util.function.Supplier<RuntimeException> onConflict) {
        update.set(RoutesTable.UPDATED_AT, n(clock.millis()));
        update.names.put("#key", RoutesTable.KEY);
        update.names.put("#deleted", RoutesTable.DELETED_AT);
        if (condition.contains("#secrets.#secret")) {
            update.names.put("#secrets", RoutesTable.SECRETS);
        }
        update.names.put("#version", RoutesTable.VERSION);
        update.values.put(":one", n(1));
        update.values.put(":zero", n(0));
        String expression = "SET " + String.join(", ", update.sets) + ", #version = if_not_exists(#version, :zero) + :one"
                + (update.removes.isEmpty() ? "" : " REMOVE " + String.join(", ", update.removes));
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(update.names).expressionAttributeValues(update.values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            changed(id);
            return ProjectItems.record(item);
        } catch (ConditionalCheckFailedException e) {
            throw onConflict.get();
        }
    }

    private void changed(ProjectId id) {
        changes.publishEvent(new ProjectChanged(id));
    }

    private static Map<String, AttributeValue> key(ProjectId id) {
        return Items.key(RoutesTable.KEY, RoutesTable.projectKey(id.value()));
    }

    /** The parts of one update expression, with placeholders for every name and value. */
    private static final class Update {
        final List<String> sets = new ArrayList<>();
        final List<String> removes = new ArrayList<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();

        void set(String attribute, AttributeValue value) {
            int i = names.size();
            names.put("#n" + i, attribute);
            values.put(":v" + i, value);
            sets.add("#n" + i + " = :v" + i);
        }

        void remove(String attribute) {
            int i = names.size();
            names.put("#n" + i, attribute);
            removes.add("#n" + i);
        }

        void setSecret(String name, AttributeValue entry) {
            int i = names.size();
            names.put("#secrets", RoutesTable.SECRETS);
            names.put("#n" + i, name);
            values.put(":v" + i, entry);
            sets.add("#secrets.#n" + i + " = :v" + i);
        }

        void removeSecret(String name) {
            names.put("#secrets", RoutesTable.SECRETS);
            names.put("#secret", name);
            removes.add("#secrets.#secret");
        }
    }
}
