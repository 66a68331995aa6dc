package dev.hermes.infra.compute;

import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.secret.KeyScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Least-privilege statements for the task roles. Every table, queue and ECS action names its
 * resources (the Hermes tables and their indexes, {@code {prefix}*} queues, the worker task family,
 * tasks of the Hermes cluster, the credential store's KMS key); only {@code cloudwatch:PutMetricData}, which has no resource type,
 * takes {@code *}, held to the Hermes namespace by a condition.
 */
final class TaskPolicies {
    static final List<String> ORCHESTRATOR_TABLE_ACTIONS = List.of(
            "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:PartiQLUpdate");
    static final List<String> WORKER_TABLE_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:ConditionCheckItem");
    static final List<String> WORKER_READ_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:Query");

    private TaskPolicies() {
    }

    static PolicyStatement orchestratorTables(Stack stack, TableNames names) {
        List<String> resources = new ArrayList<>();
        for (String table : names.all()) {
            resources.add(tableArn(stack, table));
        }
        resources.add(tableArn(stack, names.threads()) + "/index/*");
        resources.add(tableArn(stack, names.commands()) + "/index/*");
        resources.add(tableArn(stack, names.outbox()) + "/index/*");
        return allow("HermesTables", ORCHESTRATOR_TABLE_ACTIONS, resources);
    }

    /** The worker's lease, commands and threads; read-only routes (projects). */
    static List<PolicyStatement> workerTables(Stack stack, TableNames names) {
        List<String> readWrite = List.of(tableArn(stack, names.containers()), tableArn(stack, names.commands()),
                tableArn(stack, names.commands()) + "/index/*", tableArn(stack, names.threads()),
                tableArn(stack, names.threads()) + "/index/*");
        return List.of(allow("HermesTables", WORKER_TABLE_ACTIONS, readWrite),
                allow("HermesRoutesRead", WORKER_READ_ACTIONS, List.of(tableArn(stack, names.routes()))));
    }

    /** RunTask of the worker family only, in the Hermes cluster only, and tagging of the tasks it starts. */
    static List<PolicyStatement> launchWorkers(Stack stack, String clusterArn, String clusterName, String workerFamily,
                                               IRole workerTaskRole, IRole workerExecutionRole) {
        String tasks = stack.formatArn(ArnComponents.builder().service("ecs").resource("task")
                .resourceName(clusterName + "/*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        String family = stack.formatArn(ArnComponents.builder().service("ecs").resource("task-definition")
                .resourceName(workerFamily + ":*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        Map<String, Object> inCluster = Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn));
        return List.of(
                allow("RunWorkers", List.of("ecs:RunTask"), List.of(family), inCluster),
                allow("TagWorkers", List.of("ecs:TagResource"), List.of(tasks),
                        Map.of("StringEquals", Map.of("ecs:CreateAction", "RunTask"))),
                allow("WatchWorkers", List.of("ecs:DescribeTasks", "ecs:StopTask"), List.of(tasks), inCluster),
                allow("PassWorkerRoles", List.of("iam:PassRole"),
                        List.of(workerTaskRole.getRoleArn(), workerExecutionRole.getRoleArn()),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))));
    }

    /** The orchestrator seals and opens secrets: data keys under the credential store's key only. */
    static PolicyStatement sealSecrets(String keyArn) {
        return allow("SealSecrets", List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(keyArn));
    }

    /**
     * The worker opens its project's secrets only: Decrypt under the credential store's key, with the
     * encryption context of project secrets (not Hermes's own, nor stored API responses).
     */
    static PolicyStatement openProjectSecrets(String keyArn) {
        return allow("OpenProjectSecrets", List.of("kms:Decrypt"), List.of(keyArn),
                Map.of("StringEquals", Map.of("kms:EncryptionContext:" + KeyScope.CONTEXT_KEY, KeyScope.PROJECT.contextValue())));
    }

    static PolicyStatement putMetrics(String namespace) {
        return allow("HermesMetrics", List.of("cloudwatch:PutMetricData"), List.of("*"),
                Map.of("StringEquals", Map.of("cloudwatch:namespace", namespace)));
    }

    static PolicyStatement readRawMail(String bucketArn, String keyPrefix) {
        return allow("ReadRawMail", List.of("s3:GetObject"), List.of(bucketArn + "/" + keyPrefix + "*"));
    }

    static PolicyStatement sendReplies(Stack stack, String emailDomain) {
        String identity = stack.formatArn(ArnComponents.builder().service("ses").resource("identity")
                .resourceName(emailDomain).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        return allow("SendReplies", List.of("ses:SendEmail", "ses:SendRawEmail"), List.of(identity));
    }

    static String tableArn(Stack stack, String tableName) {
        return stack.formatArn(ArnComponents.builder().service("dynamodb").resource("table")
                .resourceName(tableName).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }

    private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return allow(sid, actions, resources, Map.of());
    }

    private static PolicyStatement allow(String sid, List<String> actions, List<String> resources,
                                         Map<String, ?> conditions) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources)
                .conditions(Map.copyOf(conditions)).build();
    }
}
