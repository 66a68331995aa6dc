package dev.hermes.infra.compute;

import dev.hermes.infra.messaging.QueueAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * The orchestrator as a Fargate service in the private subnets behind an ALB whose target group
 * checks {@value #READINESS_PATH}; its task role may launch and watch workers of {@link WorkerTask}.
 */
public final class OrchestratorService extends Construct {
    public static final String CONTAINER_NAME = "orchestrator";
    public static final int PORT = 8080;
    public static final String READINESS_PATH = "/health/readiness";
    private final FargateService service;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;

    public OrchestratorService(Construct scope, String id, ComputeProps props, Wiring wiring, IVpc vpc, ICluster cluster,
                               WorkerTask worker, HermesSecrets secrets, ILogGroup logs) {
        super(scope, id);
        Stack stack = Stack.of(this);
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .family(wiring.queuePrefix() + CONTAINER_NAME)
                .cpu(props.orchestrator().cpu())
                .memoryLimitMiB(props.orchestrator().memoryMiB())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build();
        task.addContainer("Orchestrator", ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                .image(props.orchestratorImage().containerImage(this, "Image"))
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(PORT).build()))
                .environment(environment(props, wiring, vpc, cluster, worker))
                .secrets(secrets.orchestrator())
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(CONTAINER_NAME).build()))
                .build());
        QueueAccess.orchestrator(stack, wiring.queuePrefix()).forEach(task::addToTaskRolePolicy);
        task.addToTaskRolePolicy(TaskPolicies.orchestratorTables(stack, wiring.tables()));
        TaskPolicies.launchWorkers(stack, cluster.getClusterArn(), cluster.getClusterName(),
                worker.taskDefinition().getFamily(), worker.taskDefinition().getTaskRole(),
                worker.taskDefinition().obtainExecutionRole()).forEach(task::addToTaskRolePolicy);
        task.addToTaskRolePolicy(TaskPolicies.putMetrics(wiring.metricsNamespace()));
        task.addToTaskRolePolicy(TaskPolicies.readRawMail(wiring.rawMail().getBucketArn(), wiring.rawMailKeyPrefix()));
        task.addToTaskRolePolicy(TaskPolicies.sendReplies(stack, props.emailDomain()));
        task.addToTaskRolePolicy(TaskPolicies.sealSecrets(wiring.secretsKey().getKeyArn()));

        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(props.orchestratorCount())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .assignPublicIp(false)
                .vpcSubnets(SubnetSelection.builder().subnets(vpc.getPrivateSubnets()).build())
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .healthCheckGracePeriod(Duration.seconds(90))
                .build();

        LoadBalancerProps lb = props.loadBalancer();
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(vpc)
                .internetFacing(lb.internetFacing())
                .vpcSubnets(SubnetSelection.builder()
                        .subnets(lb.internetFacing() ? vpc.getPublicSubnets() : vpc.getPrivateSubnets()).build())
                .dropInvalidHeaderFields(true)
                .build();
        ApplicationListener listener = lb.https() ? httpsListener(lb) : httpListener();
        for (String cidr : lb.ingressCidrs()) {
            loadBalancer.getConnections().allowFrom(Peer.ipv4(cidr), Port.tcp(lb.https() ? 443 : 80), "webhooks");
            if (lb.https()) {
                loadBalancer.getConnections().allowFrom(Peer.ipv4(cidr), Port.tcp(80), "redirect to https");
            }
        }
        targetGroup = listener.addTargets("Orchestrator", AddApplicationTargetsProps.builder()
                .port(PORT)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path(READINESS_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build());
    }

    private ApplicationListener httpsListener(LoadBalancerProps lb) {
        loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        return loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443).protocol(ApplicationProtocol.HTTPS).open(false)
                .certificates(List.of(ListenerCertificate.fromArn(lb.certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .build());
    }

    private ApplicationListener httpListener() {
        return loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false).build());
    }

    private static Map<String, String> environment(ComputeProps props, Wiring wiring, IVpc vpc, ICluster cluster,
                                                   WorkerTask worker) {
        Map<String, String> env = new HashMap<>();
        env.put(ServiceEnvironment.SERVER_HOST, "0.0.0.0");
        env.put(ServiceEnvironment.SERVER_PORT, Integer.toString(PORT));
        env.put(ServiceEnvironment.AWS_REGION, Aws.REGION);
        env.put(ServiceEnvironment.TABLES_PREFIX, wiring.tables().prefix());
        env.put(ServiceEnvironment.QUEUES_PREFIX, wiring.queuePrefix());
        env.put(ServiceEnvironment.QUEUES_MAX_RECEIVE_COUNT, Integer.toString(wiring.maxReceiveCount()));
        env.put(ServiceEnvironment.EMAIL_DOMAIN, props.emailDomain());
        env.put(ServiceEnvironment.REPLY_SES_ENABLED, "true");
        env.put(ServiceEnvironment.INBOUND_SQS_ENABLED, "true");
        env.put(ServiceEnvironment.INBOUND_SNS_TOPIC_ARNS, wiring.inboundTopic().getTopicArn());
        env.put(ServiceEnvironment.METRICS_ENABLED, "true");
        env.put(ServiceEnvironment.CLOUDWATCH_ENABLED, "true");
        env.put(ServiceEnvironment.CLOUDWATCH_NAMESPACE, wiring.metricsNamespace());
        env.put(ServiceEnvironment.SECRETS_PROVIDER, "kms");
        env.put(ServiceEnvironment.SECRETS_KMS_KEY_ID, wiring.secretsKey().getKeyArn());
        env.put(ServiceEnvironment.LAUNCHER_KIND, "ecs");
        env.put(ServiceEnvironment.LAUNCHER_CLUSTER, cluster.getClusterArn());
        env.put(ServiceEnvironment.LAUNCHER_TASK_DEFINITION, worker.taskDefinition().getFamily());
        env.put(ServiceEnvironment.LAUNCHER_CONTAINER_NAME, WorkerTask.CONTAINER_NAME);
        env.put(ServiceEnvironment.LAUNCHER_SUBNETS,
                Fn.join(",", vpc.getPrivateSubnets().stream().map(s -> s.getSubnetId()).toList()));
        env.put(ServiceEnvironment.LAUNCHER_SECURITY_GROUPS, worker.securityGroup().getSecurityGroupId());
        if (props.publicUrl() != null) {
            env.put(ServiceEnvironment.TWILIO_PUBLIC_URL, props.publicUrl() + "/webhooks/sms/twilio");
        }
        return env;
    }

    public FargateService service() {
        return service;
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }
}
