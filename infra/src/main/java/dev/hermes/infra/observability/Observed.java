package dev.hermes.infra.observability;

import dev.hermes.protocol.naming.TableNames;
import java.util.Objects;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.IService;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationTargetGroup;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The resources the alarms and dashboard watch.
 *
 * @param namePrefix      prefix of the alarm, topic and dashboard names (the queue prefix)
 * @param tables          the Hermes table names
 * @param inboundEmailDlq the shared inbound-email DLQ
 * @param cluster         the ECS cluster
 * @param orchestrator    the orchestrator service
 * @param targetGroup     the orchestrator's ALB target group
 */
public record Observed(String namePrefix, TableNames tables, IQueue inboundEmailDlq, ICluster cluster,
                       IService orchestrator, IApplicationTargetGroup targetGroup) {
    public Observed {
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(inboundEmailDlq, "inboundEmailDlq");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(orchestrator, "orchestrator");
        Objects.requireNonNull(targetGroup, "targetGroup");
    }
}
