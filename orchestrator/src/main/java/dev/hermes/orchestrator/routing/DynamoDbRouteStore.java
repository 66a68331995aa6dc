package dev.hermes.orchestrator.routing;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.table.RoutesTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

@Singleton
public class DynamoDbRouteStore implements RouteStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbRouteStore(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.table = tables.names().routes();
    }

    @Override
    public Optional<Person> findPerson(String routeKey) {
        return get(routeKey).map(DynamoDbRouteStore::person);
    }

    /** A live project; a soft-deleted one is a {@link ProjectDeletedException}: routing stops, with a reason. */
    @Override
    public Optional<Project> findProject(ProjectId id) {
        Optional<Map<String, AttributeValue>> item = get(RoutesTable.projectKey(id.value()));
        if (item.isPresent() && ProjectItems.deleted(item.get())) {
            throw new ProjectDeletedException(id);
        }
        return item.map(found -> ProjectItems.project(id, found));
    }

    @Override
    public void putRoute(String routeKey, Person person) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                RoutesTable.KEY, s(routeKey),
                RoutesTable.USER_ID, s(person.userId().value()),
                RoutesTable.PROJECTS, list(person.projects().stream().map(ProjectId::value).toList()))));
    }

    /**
     * Writes a project's settings (the seed file's projects): its secrets, creation time and deletion
     * state are kept, so seeding again never drops a secret set through the API.
     */
    @Override
    public void putProject(Project project) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : ProjectItems.settings(project).entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            set.append("#a").append(i).append(" = :a").append(i).append(", ");
            i++;
        }
        names.putAll(Map.of("#c", RoutesTable.CREATED_AT, "#u", RoutesTable.UPDATED_AT, "#s", RoutesTable.SECRETS,
                "#v", RoutesTable.VERSION));
        values.putAll(Map.of(":now", n(clock.millis()), ":empty", AttributeValue.fromM(Map.of()),
                ":zero", n(0), ":one", n(1)));
        set.append("#c = if_not_exists(#c, :now), #u = :now, #s = if_not_exists(#s, :empty), #v = if_not_exists(#v, :zero) + :one");
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(RoutesTable.KEY, RoutesTable.projectKey(project.id().value())))
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public RoutePage listRoutes(String cursor, int limit) {
        List<Route> routes = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : Items.key(RoutesTable.KEY, Cursors.decode(cursor));
        while (true) {
            Map<String, AttributeValue> from = start;
            // Filtered scans return short pages: read on until the page is full or the table ends.
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).limit(limit)
                    .exclusiveStartKey(from)
                    .filterExpression("NOT begins_with(#k, :project) AND NOT begins_with(#k, :global)")
                    .expressionAttributeNames(Map.of("#k", RoutesTable.KEY))
                    .expressionAttributeValues(Map.of(":project", s(RoutesTable.NON_ROUTE_PREFIXES.get(0)),
                            ":global", s(RoutesTable.NON_ROUTE_PREFIXES.get(1)))));
            for (Map<String, AttributeValue> item : page.items()) {
                String key = Items.str(item, RoutesTable.KEY);
                routes.add(new Route(key, person(item)));
                if (routes.size() == limit) {
                    return new RoutePage(routes, Cursors.encode(key));
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new RoutePage(routes, null);
            }
            start = page.lastEvaluatedKey();
        }
    }

    @Override
    public boolean deleteRoute(String routeKey) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                .key(Items.key(RoutesTable.KEY, routeKey)).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    private static Person person(Map<String, AttributeValue> item) {
        return new Person(new UserId(Items.str(item, RoutesTable.USER_ID)),
                Items.strings(item, RoutesTable.PROJECTS).stream().map(ProjectId::new).toList());
    }

    private Optional<Map<String, AttributeValue>> get(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(RoutesTable.KEY, key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
