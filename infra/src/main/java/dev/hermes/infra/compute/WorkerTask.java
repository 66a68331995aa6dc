package dev.hermes.infra.compute;

import dev.hermes.infra.messaging.QueueAccess;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * The worker task definition {@code EcsContainerLauncher} runs with {@code RunTask}: one container
 * named {@value #CONTAINER_NAME} (the launcher's container overrides name it), no service, no
 * inbound traffic (its security group has no ingress).
 */
public final class WorkerTask extends Construct {
    public static final String CONTAINER_NAME = "worker";
    public static final String WORKSPACE = "/workspace";
    private final FargateTaskDefinition taskDefinition;
    private final SecurityGroup securityGroup;

    public WorkerTask(Construct scope, String id, ComputeProps props, Wiring wiring, IVpc vpc, HermesSecrets secrets,
                      ILogGroup logs) {
        super(scope, id);
        Stack stack = Stack.of(this);
        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .family(wiring.queuePrefix() + CONTAINER_NAME)
                .cpu(props.worker().cpu())
                .memoryLimitMiB(props.worker().memoryMiB())
                .ephemeralStorageGiB(props.workerStorageGiB())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build();
        taskDefinition.addContainer("Worker", ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                .image(props.workerImage().containerImage(this, "Image"))
                .essential(true)
                .environment(Map.of(
                        ServiceEnvironment.WORKER_AWS_REGION, Aws.REGION,
                        ServiceEnvironment.WORKER_TABLE_PREFIX, wiring.tables().prefix(),
                        ServiceEnvironment.WORKER_WORKSPACE, WORKSPACE))
                .secrets(secrets.worker())
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(CONTAINER_NAME).build()))
                .build());
        taskDefinition.addToTaskRolePolicy(QueueAccess.worker(stack, wiring.queuePrefix()));
        TaskPolicies.workerTables(stack, wiring.tables()).forEach(taskDefinition::addToTaskRolePolicy);
        // No cloudwatch:PutMetricData: the worker exports nothing; it reports on -out and the orchestrator records.
        taskDefinition.addToTaskRolePolicy(TaskPolicies.openProjectSecrets(wiring.secretsKey().getKeyArn()));
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description("Hermes workers: no inbound; outbound to AWS APIs and git remotes")
                .allowAllOutbound(true)
                .build();
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }
}
