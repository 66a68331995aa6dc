package dev.hermes.infra.messaging;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * IAM conventions for the queues the orchestrator creates at run time ({@code {prefix}{containerId}-in.fifo},
 * {@code -dlq.fifo}, {@code -ctl}, {@code -out}, tagged {@code ManagedBy=hermes}) and the shared
 * {@code {prefix}inbound-email} queues: every statement is scoped to {@code arn:…:sqs:region:account:{prefix}*},
 * never to {@code *}. {@code sqs:ListQueues}, which only takes {@code *}, is not granted: queue URLs come from
 * the {@code containers} table and {@code GetQueueUrl}.
 */
public final class QueueAccess {
    /** The tag every queue Hermes creates carries; queue deletion is conditioned on it. */
    public static final String MANAGED_BY_TAG = "ManagedBy";
    public static final String MANAGED_BY_VALUE = "hermes";

    static final List<String> ORCHESTRATOR_ACTIONS = List.of(
            "sqs:CreateQueue", "sqs:TagQueue", "sqs:ListQueueTags", "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
            "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
            "sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks");
    static final List<String> WORKER_ACTIONS = List.of(
            "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:SendMessage");

    private QueueAccess() {
    }

    /** {@code arn:${Partition}:sqs:${Region}:${Account}:{prefix}*}. */
    public static String queueArnPattern(Stack stack, String prefix) {
        return stack.formatArn(ArnComponents.builder().service("sqs").resource(prefix + "*").build());
    }

    /** Create, tag, use and redrive the per-container and shared queues; delete only those tagged ManagedBy=hermes. */
    public static List<PolicyStatement> orchestrator(Stack stack, String prefix) {
        String queues = queueArnPattern(stack, prefix);
        return List.of(
                PolicyStatement.Builder.create().sid("HermesQueues").effect(Effect.ALLOW)
                        .actions(ORCHESTRATOR_ACTIONS).resources(List.of(queues)).build(),
                PolicyStatement.Builder.create().sid("HermesQueueCleanup").effect(Effect.ALLOW)
                        .actions(List.of("sqs:DeleteQueue")).resources(List.of(queues))
                        .conditions(Map.of("StringEquals", Map.of("aws:ResourceTag/" + MANAGED_BY_TAG, MANAGED_BY_VALUE)))
                        .build());
    }

    /** Receive and settle commands and control messages, publish results; no create, delete or attribute changes. */
    public static PolicyStatement worker(Stack stack, String prefix) {
        return PolicyStatement.Builder.create().sid("HermesQueues").effect(Effect.ALLOW)
                .actions(WORKER_ACTIONS).resources(List.of(queueArnPattern(stack, prefix))).build();
    }
}
