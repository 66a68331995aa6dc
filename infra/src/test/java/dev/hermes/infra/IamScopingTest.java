package dev.hermes.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.infra.IamStatements.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * Walks every statement of every policy and role in every template of the default app and of the
 * variant app: no queue, table or ECS action on {@code *}, and each points at what it may touch.
 */
class IamScopingTest {
    private static final String ACCOUNT = "arn:${Ref:AWS::Partition}:%s:${Ref:AWS::Region}:${Ref:AWS::AccountId}:";
    private static final List<Statement> STATEMENTS = new ArrayList<>();

    @BeforeAll
    static void synth() {
        for (SynthesizedApp app : List.of(SynthesizedApp.defaults(), SynthesizedApp.of(VariantSettings.SETTINGS))) {
            for (Stack stack : app.stacks().all()) {
                STATEMENTS.addAll(IamStatements.of(app.template(stack)));
            }
        }
    }

    private static List<Statement> withActionsOf(String service) {
        List<Statement> found = STATEMENTS.stream().filter(s -> s.hasActionOf(service)).toList();
        assertFalse(found.isEmpty(), "no " + service + " statement at all: the walk would prove nothing");
        return found;
    }

    @Test
    void theWalkSeesEveryRolesPolicies() {
        assertTrue(STATEMENTS.size() > 20, "only " + STATEMENTS.size() + " statements found");
    }

    @Test
    void noQueueTableOrEcsActionOnAStar() {
        for (Statement statement : STATEMENTS) {
            boolean scoped = statement.hasActionOf("sqs") || statement.hasActionOf("dynamodb") || statement.hasActionOf("ecs");
            if (scoped) {
                assertFalse(statement.resources().contains("*"), statement.source() + ": " + statement.body());
                assertFalse(statement.actions().stream().anyMatch(a -> a.endsWith(":*") || a.equals("*")),
                        statement.source() + " grants a wildcard action: " + statement.body());
            }
            assertFalse(statement.actions().contains("*"), statement.source() + ": " + statement.body());
        }
    }

    @Test
    void queueActionsOnlyOnThePrefixedQueues() {
        Set<String> allowed = Set.of(ACCOUNT.formatted("sqs") + "hermes-*", ACCOUNT.formatted("sqs") + "acme-*");
        for (Statement statement : withActionsOf("sqs")) {
            for (String resource : statement.renderedResources()) {
                assertTrue(allowed.contains(resource) || resource.startsWith("${"),
                        statement.source() + " → " + resource);
            }
        }
    }

    @Test
    void tableActionsOnlyOnTheHermesTablesAndTheirIndexes() {
        for (Statement statement : withActionsOf("dynamodb")) {
            for (String resource : statement.renderedResources()) {
                assertTrue(resource.matches("\\Q" + ACCOUNT.formatted("dynamodb")
                                + "table/\\E(hermes-|acme-)(threads|thread-keys|commands|containers|routes|outbox|tokens|idempotency)(/index/\\*)?"),
                        statement.source() + " → " + resource);
            }
        }
    }

    @Test
    void runTaskOnlyForTheWorkerFamilyInTheHermesCluster() {
        List<Statement> runTask = withActionsOf("ecs").stream().filter(s -> s.actions().contains("ecs:RunTask")).toList();
        assertEquals(2, runTask.size(), "one per app");
        for (Statement statement : runTask) {
            assertEquals(List.of("ecs:RunTask"), statement.actions());
            String resource = statement.renderedResources().get(0);
            assertTrue(resource.matches("\\Q" + ACCOUNT.formatted("ecs") + "task-definition/\\E(hermes-|acme-)worker:\\*"),
                    resource);
            assertTrue(statement.conditions().containsKey("ArnEquals"), "RunTask not held to the cluster");
        }
    }

    @Test
    void stopAndDescribeOnlyTasksOfTheCluster() {
        for (Statement statement : withActionsOf("ecs")) {
            if (statement.actions().contains("ecs:RunTask")) {
                continue;
            }
            for (String resource : statement.renderedResources()) {
                assertTrue(resource.matches("\\Q" + ACCOUNT.formatted("ecs") + "task/${Ref:\\E\\w+}/\\*"), resource);
            }
        }
    }

    @Test
    void passRoleOnlyForTheWorkerRolesAndOnlyToEcsTasks() {
        List<Statement> passRole = STATEMENTS.stream().filter(s -> s.actions().contains("iam:PassRole")).toList();
        assertEquals(2, passRole.size());
        for (Statement statement : passRole) {
            List<String> resources = statement.renderedResources();
            assertEquals(2, resources.size(), resources.toString());
            assertTrue(resources.stream().allMatch(r -> r.matches("\\$\\{WorkerTask(TaskRole|ExecutionRole)\\w+\\.Arn}")),
                    resources.toString());
            assertEquals(Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"), statement.conditions().get("StringEquals"));
        }
    }

    @Test
    void theOnlyStarResourcesAreMetricsAndEcrLogin() {
        for (Statement statement : STATEMENTS) {
            if (statement.resources().contains("*")) {
                assertTrue(List.of(List.of("cloudwatch:PutMetricData"), List.of("ecr:GetAuthorizationToken"))
                        .contains(statement.actions()), statement.source() + ": " + statement.body());
            }
            if (statement.actions().contains("cloudwatch:PutMetricData")) {
                assertEquals(Map.of("cloudwatch:namespace", "Hermes"), statement.conditions().get("StringEquals"));
            }
        }
    }

    @Test
    void onlyTheOrchestratorPutsMetrics() {
        List<Statement> puts = STATEMENTS.stream().filter(s -> s.actions().contains("cloudwatch:PutMetricData")).toList();
        assertFalse(puts.isEmpty());
        puts.forEach(s -> assertTrue(s.source().startsWith("Orchestrator"), s.source() + " may put metrics"));
    }

    @Test
    void kmsOnlyOnTheCredentialStoreKeyAndTheWorkerOnlyDecryptsProjectSecrets() {
        List<Statement> kms = withActionsOf("kms").stream().filter(s -> !s.source().contains("Execution")).toList();
        assertEquals(4, kms.size(), "orchestrator and worker, in each app: " + kms);
        for (Statement statement : kms) {
            assertEquals(1, statement.resources().size(), statement.body().toString());
            assertTrue(statement.renderedResources().get(0).matches("\\$\\{Import:.*SecretsKey.*}"), statement.body().toString());
            if (statement.source().contains("WorkerTask")) {
                assertEquals(List.of("kms:Decrypt"), statement.actions());
                assertEquals(Map.of("kms:EncryptionContext:hermes:scope", "project"), statement.conditions().get("StringEquals"));
            } else {
                assertEquals(Set.of("kms:GenerateDataKey", "kms:Decrypt"), Set.copyOf(statement.actions()));
            }
        }
    }

    @Test
    void queueDeletionOnlyForQueuesHermesTagged() {
        List<Statement> deletes = STATEMENTS.stream().filter(s -> s.actions().contains("sqs:DeleteQueue")).toList();
        assertFalse(deletes.isEmpty());
        for (Statement statement : deletes) {
            assertEquals(Map.of("aws:ResourceTag/ManagedBy", "hermes"), statement.conditions().get("StringEquals"));
        }
    }
}
