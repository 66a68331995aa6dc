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
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.secret.SecretUnreadableException;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.table.ProjectSecrets;
import dev.hermes.protocol.table.RoutesTable;
import dev.hermes.worker.session.GitCredential;
import dev.hermes.worker.session.GitRemotes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Project settings from the {@code project:{projectId}} item of the {@code routes} table, with its
 * secrets opened here, in the worker: {@code git.token} becomes the credential for an https remote,
 * {@code env.NAME} a variable of the agent. A deleted project, or a secret that does not decrypt, is
 * a project that is not configured; a key service that cannot be reached is left to propagate (a
 * retry may help).
 */
public final class DynamoDbProjectStore implements ProjectStore {
    private static final Logger log = LoggerFactory.getLogger(DynamoDbProjectStore.class);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecretCipher cipher;

    public DynamoDbProjectStore(DynamoDbClient dynamoDb, String routesTable, SecretCipher cipher) {
        this.dynamoDb = dynamoDb;
        this.table = routesTable;
        this.cipher = cipher;
    }

    @Override
    public ProjectSettings find(ProjectId projectId) {
        String record = RoutesTable.projectKey(projectId.value());
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b
                .tableName(table)
                .key(Map.of(KEY, AttributeValue.fromS(record)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new ProjectNotConfiguredException(projectId, "no " + record + " item in " + table);
        }
        if (item.containsKey(RoutesTable.DELETED_AT)) {
            throw new ProjectNotConfiguredException(projectId, "the project is deleted");
        }
        AttributeValue argv = item.get(AGENT_ARGV);
        AttributeValue env = item.get(AGENT_ENV);
        AttributeValue timeout = item.get(AGENT_TIMEOUT_SECONDS);
        AttributeValue cap = item.get(AGENT_OUTPUT_CAP_BYTES);
        try {
            String repoUrl = text(item, REPO_URL);
            Map<String, Secret> agentSecrets = new HashMap<>();
            GitCredential credential = null;
            for (Map.Entry<String, AttributeValue> secret : secrets(item).entrySet()) {
                String name = secret.getKey();
                String sealed = secret.getValue().hasM() && secret.getValue().m().get(RoutesTable.SECRET_VALUE) != null
                        ? secret.getValue().m().get(RoutesTable.SECRET_VALUE).s() : null;
                if (sealed == null) {
                    continue;
                }
                if (ProjectSecrets.GIT_TOKEN.equals(name)) {
                    if (repoUrl != null && GitRemotes.mayCarryToken(repoUrl)) {
                        String user = text(item, RoutesTable.GIT_USERNAME);
                        credential = new GitCredential(user == null ? ProjectSecrets.DEFAULT_GIT_USERNAME : user,
                                cipher.open(record, name, sealed));
                    } else {
                        log.warn("project {} has a git token but its remote is not https: the token is not sent", projectId);
                    }
                } else if (ProjectSecrets.variable(name) != null) {
                    agentSecrets.put(ProjectSecrets.variable(name), cipher.open(record, name, sealed));
                }
            }
            return new ProjectSettings(
                    projectId,
                    repoUrl,
                    text(item, DEFAULT_BRANCH),
                    argv == null || !argv.hasL() ? List.of() : argv.l().stream().map(AttributeValue::s).toList(),
                    env == null || !env.hasM() ? Map.of() : env.m().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())),
                    timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout.n())),
                    cap == null ? null : Long.parseLong(cap.n()),
                    PreemptPolicy.parse(text(item, PREEMPT_POLICY)),
                    credential,
                    agentSecrets);
        } catch (SecretUnreadableException e) {
            throw new ProjectNotConfiguredException(projectId, e.getMessage());
        } catch (NullPointerException | NumberFormatException e) {
            throw new ProjectNotConfiguredException(projectId, "an attribute has the wrong type");
        } catch (IllegalArgumentException e) {
            throw new ProjectNotConfiguredException(projectId, e.getMessage());
        }
    }

    private static Map<String, AttributeValue> secrets(Map<String, AttributeValue> item) {
        AttributeValue secrets = item.get(RoutesTable.SECRETS);
        return secrets == null || !secrets.hasM() ? Map.of() : secrets.m();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
