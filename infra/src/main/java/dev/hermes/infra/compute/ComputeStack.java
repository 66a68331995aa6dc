package dev.hermes.infra.compute;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The ECS cluster (Container Insights on: the "no running orchestrator" alarm reads it), the
 * orchestrator service behind its ALB, and the worker task definition.
 */
public final class ComputeStack extends Stack {
    private static final Map<Integer, RetentionDays> RETENTIONS = Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(7, RetentionDays.ONE_WEEK), Map.entry(14, RetentionDays.TWO_WEEKS),
            Map.entry(30, RetentionDays.ONE_MONTH), Map.entry(60, RetentionDays.TWO_MONTHS),
            Map.entry(90, RetentionDays.THREE_MONTHS), Map.entry(180, RetentionDays.SIX_MONTHS),
            Map.entry(365, RetentionDays.ONE_YEAR), Map.entry(731, RetentionDays.TWO_YEARS));
    private final Cluster cluster;
    private final OrchestratorService orchestrator;
    private final WorkerTask worker;

    public ComputeStack(Construct scope, String id, StackProps stackProps, ComputeProps props, Wiring wiring) {
        super(scope, id, stackProps);
        IVpc vpc = props.vpc().vpc(this, "Vpc");
        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        HermesSecrets secrets = new HermesSecrets(this, "Secrets", props);
        worker = new WorkerTask(this, "Worker", props, wiring, vpc, secrets, logGroup("WorkerLogs", props));
        orchestrator = new OrchestratorService(this, "Orchestrator", props, wiring, vpc, cluster, worker, secrets,
                logGroup("OrchestratorLogs", props));

        if (!props.loadBalancer().https()) {
            Annotations.of(this).addWarningV2("hermes:http-only", "The ALB listens on HTTP only: set -D"
                    + ComputeProps.PREFIX + "certificate-arn=arn:aws:acm:… for HTTPS before real traffic");
        }
        if (props.emailDomain().equals(ComputeProps.EXAMPLE_DOMAIN)) {
            Annotations.of(this).addWarningV2("hermes:example-domain", "Replies are sent from "
                    + ComputeProps.EXAMPLE_DOMAIN + ": set -D" + ComputeProps.EMAIL_DOMAIN + "=your.domain");
        }
        output("LoadBalancerDnsName", orchestrator.loadBalancer().getLoadBalancerDnsName());
        output("ClusterArn", cluster.getClusterArn());
        output("WorkerTaskFamily", worker.taskDefinition().getFamily());
        output("WorkerSecurityGroupId", worker.securityGroup().getSecurityGroupId());
        output("OrchestratorServiceName", orchestrator.service().getServiceName());
    }

    private LogGroup logGroup(String id, ComputeProps props) {
        return LogGroup.Builder.create(this, id)
                .retention(retention(props.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static RetentionDays retention(int days) {
        RetentionDays retention = RETENTIONS.get(days);
        if (retention == null) {
            throw new IllegalArgumentException("log retention must be one of " + new java.util.TreeSet<>(RETENTIONS.keySet())
                    + " days, was " + days);
        }
        return retention;
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }

    public Cluster cluster() {
        return cluster;
    }

    public OrchestratorService orchestrator() {
        return orchestrator;
    }

    public WorkerTask worker() {
        return worker;
    }
}
