package dev.hermes.orchestrator.routing;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.table.RoutesTable;
import jakarta.inject.Singleton;
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

    public DynamoDbRouteStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().routes();
    }

    @Override
    public Optional<Person> findPerson(String routeKey) {
        return get(routeKey).map(DynamoDbRouteStore::person);
    }

    @Override
    public Optional<Project> findProject(ProjectId id) {
        return get(RoutesTable.projectKey(id.value())).map(item -> new Project(id,
                Items.str(item, RoutesTable.REPO_URL),
                Items.str(item, RoutesTable.DEFAULT_BRANCH),
                Items.strings(item, RoutesTable.AGENT_ARGV),
                Items.stringMap(item, RoutesTable.AGENT_ENV),
                (int) Items.num(item, RoutesTable.AGENT_TIMEOUT_SECONDS, 1800),
                Items.num(item, RoutesTable.AGENT_OUTPUT_CAP_BYTES, Project.DEFAULT_OUTPUT_CAP_BYTES),
                PreemptPolicy.parse(Items.str(item, RoutesTable.PREEMPT_POLICY))));
    }

    @Override
    public void putRoute(String routeKey, Person person) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                RoutesTable.KEY, s(routeKey),
                RoutesTable.USER_ID, s(person.userId().value()),
                RoutesTable.PROJECTS, list(person.projects().stream().map(ProjectId::value).toList()))));
    }

    @Override
    public void putProject(Project project) {
        Map<String, AttributeValue> env = new HashMap<>();
        project.agentEnv().forEach((k, v) -> env.put(k, s(v)));
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                RoutesTable.KEY, s(RoutesTable.projectKey(project.id().value())),
                RoutesTable.REPO_URL, s(project.repoUrl()),
                RoutesTable.DEFAULT_BRANCH, s(project.defaultBranch()),
                RoutesTable.AGENT_ARGV, list(project.agentArgv()),
                RoutesTable.AGENT_ENV, AttributeValue.fromM(env),
                RoutesTable.AGENT_TIMEOUT_SECONDS, n(project.agentTimeoutSeconds()),
                RoutesTable.AGENT_OUTPUT_CAP_BYTES, n(project.agentOutputCapBytes()),
                RoutesTable.PREEMPT_POLICY, s(project.preemptPolicy().wireName()))));
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
                    .filterExpression("NOT begins_with(#k, :project)")
                    .expressionAttributeNames(Map.of("#k", RoutesTable.KEY))
                    .expressionAttributeValues(Map.of(":project", s(RoutesTable.projectKey("")))));
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
