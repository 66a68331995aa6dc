package dev.hermes.worker.agent;

import static dev.hermes.protocol.table.RoutesTable.AGENT_ARGV;
import static dev.hermes.protocol.table.RoutesTable.AGENT_ENV;
import static dev.hermes.protocol.table.RoutesTable.AGENT_OUTPUT_CAP_BYTES;
import static dev.hermes.protocol.table.RoutesTable.AGENT_TIMEOUT_SECONDS;
import static dev.hermes.protocol.table.RoutesTable.DEFAULT_BRANCH;
import static dev.hermes.protocol.table.RoutesTable.KEY;
import static dev.hermes.protocol.table.RoutesTable.PREEMPT_POLICY;
import static dev.hermes.protocol.table.RoutesTable.REPO_URL;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.table.RoutesTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Project settings from the {@code project:{projectId}} item of the {@code routes} table. */
public final class DynamoDbProjectStore implements ProjectStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProjectStore(DynamoDbClient dynamoDb, String routesTable) {
        this.dynamoDb = dynamoDb;
        this.table = routesTable;
    }

    @Override
    public ProjectSettings find(ProjectId projectId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b
                .tableName(table)
                .key(Map.of(KEY, AttributeValue.fromS(RoutesTable.projectKey(projectId.value()))))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new ProjectNotConfiguredException(projectId, "no " + RoutesTable.projectKey(projectId.value())
                    + " item in " + table);
        }
        AttributeValue argv = item.get(AGENT_ARGV);
        AttributeValue env = item.get(AGENT_ENV);
        AttributeValue timeout = item.get(AGENT_TIMEOUT_SECONDS);
        AttributeValue cap = item.get(AGENT_OUTPUT_CAP_BYTES);
        try {
            return new ProjectSettings(
                    projectId,
                    text(item, REPO_URL),
                    text(item, DEFAULT_BRANCH),
                    argv == null || !argv.hasL() ? List.of() : argv.l().stream().map(AttributeValue::s).toList(),
                    env == null || !env.hasM() ? Map.of() : env.m().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())),
                    timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout.n())),
                    cap == null ? null : Long.parseLong(cap.n()),
                    PreemptPolicy.parse(text(item, PREEMPT_POLICY)));
        } catch (NullPointerException | NumberFormatException e) {
            throw new ProjectNotConfiguredException(projectId, "an attribute has the wrong type");
        } catch (IllegalArgumentException e) {
            throw new ProjectNotConfiguredException(projectId, e.getMessage());
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
