package dev.hermes.orchestrator.routing;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.secret.SecretFields;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.table.RoutesTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A project's {@code project:{id}} item of the {@code routes} table, both ways (settings only; secrets stay sealed). */
public final class ProjectItems {
    private ProjectItems() {
    }

    /** The settings' attributes, as {@code SET} values: every one a project item carries. */
    public static Map<String, AttributeValue> settings(Project project) {
        Map<String, AttributeValue> env = new HashMap<>();
        project.agentEnv().forEach((k, v) -> env.put(k, s(v)));
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put(RoutesTable.REPO_URL, s(project.repoUrl()));
        out.put(RoutesTable.DEFAULT_BRANCH, s(project.defaultBranch()));
        out.put(RoutesTable.AGENT_ARGV, list(project.agentArgv()));
        out.put(RoutesTable.AGENT_ENV, AttributeValue.fromM(env));
        out.put(RoutesTable.AGENT_TIMEOUT_SECONDS, n(project.agentTimeoutSeconds()));
        out.put(RoutesTable.AGENT_OUTPUT_CAP_BYTES, n(project.agentOutputCapBytes()));
        out.put(RoutesTable.PREEMPT_POLICY, s(project.preemptPolicy().wireName()));
        return out;
    }

    public static Project project(ProjectId id, Map<String, AttributeValue> item) {
        return new Project(id,
                Items.str(item, RoutesTable.REPO_URL),
                Items.str(item, RoutesTable.DEFAULT_BRANCH),
                Items.strings(item, RoutesTable.AGENT_ARGV),
                Items.stringMap(item, RoutesTable.AGENT_ENV),
                (int) Items.num(item, RoutesTable.AGENT_TIMEOUT_SECONDS, 1800),
                Items.num(item, RoutesTable.AGENT_OUTPUT_CAP_BYTES, Project.DEFAULT_OUTPUT_CAP_BYTES),
                PreemptPolicy.parse(Items.str(item, RoutesTable.PREEMPT_POLICY)));
    }

    public static ProjectRecord record(Map<String, AttributeValue> item) {
        String key = Items.str(item, RoutesTable.KEY);
        ProjectId id = new ProjectId(key.substring(RoutesTable.projectKey("").length()));
        return new ProjectRecord(project(id, item), Items.str(item, RoutesTable.GIT_USERNAME), SecretFields.updatedAt(item),
                Items.num(item, RoutesTable.CREATED_AT, 0), Items.num(item, RoutesTable.UPDATED_AT, 0),
                Items.num(item, RoutesTable.DELETED_AT, 0), Items.num(item, RoutesTable.VERSION, 0));
    }

    public static boolean deleted(Map<String, AttributeValue> item) {
        return item.containsKey(RoutesTable.DELETED_AT);
    }
}
