package dev.hermes.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.infra.SynthesizedApp;
import dev.hermes.infra.TemplateText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The compute stack with default props (the shared app's synth). */
class ComputeStackTest {
    private static final String TASK = "AWS::ECS::TaskDefinition";
    private static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedApp app = SynthesizedApp.defaults();
        template = app.template(app.stacks().compute());
    }

    static Map<?, ?> container(String family) {
        Map<?, ?> properties = (Map<?, ?>) template.findResources(TASK, Map.of("Properties", Map.of("Family", family)))
                .values().iterator().next().get("Properties");
        return (Map<?, ?>) ((List<?>) properties.get("ContainerDefinitions")).get(0);
    }

    static Map<String, String> environment(Map<?, ?> container) {
        return TemplateText.items(container.get("Environment")).stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> e.get("Name").toString(), e -> TemplateText.render(e.get("Value"))));
    }

    static Set<String> secretNames(Map<?, ?> container) {
        return TemplateText.items(container.get("Secrets")).stream()
                .map(s -> ((Map<?, ?>) s).get("Name").toString()).collect(Collectors.toSet());
    }

    @Test
    void clusterHasContainerInsights() {
        template.hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterSettings",
                List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
    }

    @Test
    void workerTaskIsTheOneTheLauncherRuns() {
        template.hasResourceProperties(TASK, Map.of(
                "Family", "hermes-worker",
                "RequiresCompatibilities", List.of("FARGATE"),
                "Cpu", "1024", "Memory", "2048",
                "EphemeralStorage", Map.of("SizeInGiB", 30),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", WorkerTask.CONTAINER_NAME)))));
        Map<String, String> env = environment(container("hermes-worker"));
        assertEquals("hermes-", env.get(ServiceEnvironment.WORKER_TABLE_PREFIX));
        assertEquals(Set.of(), secretNames(container("hermes-worker")), "git credentials come from the credential store");
    }

    @Test
    void orchestratorIsToldHowToLaunchWorkers() {
        Map<String, String> env = environment(container("hermes-orchestrator"));
        assertEquals("ecs", env.get(ServiceEnvironment.LAUNCHER_KIND));
        assertEquals("hermes-worker", env.get(ServiceEnvironment.LAUNCHER_TASK_DEFINITION));
        assertEquals(WorkerTask.CONTAINER_NAME, env.get(ServiceEnvironment.LAUNCHER_CONTAINER_NAME));
        assertTrue(env.get(ServiceEnvironment.LAUNCHER_CLUSTER).matches("\\$\\{Cluster\\w+\\.Arn}"), env.toString());
        assertTrue(env.get(ServiceEnvironment.LAUNCHER_SECURITY_GROUPS).matches("\\$\\{WorkerSecurityGroup\\w+\\.GroupId}"));
        assertEquals("Hermes", env.get(ServiceEnvironment.CLOUDWATCH_NAMESPACE));
        assertEquals("true", env.get(ServiceEnvironment.CLOUDWATCH_ENABLED));
        assertEquals("true", env.get(ServiceEnvironment.REPLY_SES_ENABLED), "email replies go through SES on AWS");
        assertEquals("0.0.0.0", env.get(ServiceEnvironment.SERVER_HOST));
    }

    @Test
    void orchestratorSealsSecretsWithTheDataStacksKmsKey() {
        Map<String, String> env = environment(container("hermes-orchestrator"));
        assertEquals("kms", env.get(ServiceEnvironment.SECRETS_PROVIDER));
        assertTrue(env.get(ServiceEnvironment.SECRETS_KMS_KEY_ID).matches("\\$\\{Import:.*SecretsKey.*}"),
                env.get(ServiceEnvironment.SECRETS_KMS_KEY_ID));
    }

    @Test
    void secretsComeFromSecretsManagerNeverPlainEnvironment() {
        Map<?, ?> orchestrator = container("hermes-orchestrator");
        assertEquals(Set.of(ServiceEnvironment.API_TOKEN, ServiceEnvironment.MIME_SECRET), secretNames(orchestrator));
        for (Map<?, ?> container : List.of(orchestrator, container("hermes-worker"))) {
            for (String name : environment(container).keySet()) {
                // The credential store's settings name its KMS key; they hold no secret.
                if (name.equals(ServiceEnvironment.SECRETS_PROVIDER) || name.equals(ServiceEnvironment.SECRETS_KMS_KEY_ID)) {
                    continue;
                }
                assertFalse(name.matches(".*(SECRET|TOKEN|PASSWORD|CREDENTIALS).*"), name + " is a plain variable");
            }
            for (Object secret : TemplateText.items(container.get("Secrets"))) {
                String from = TemplateText.render(((Map<?, ?>) secret).get("ValueFrom"));
                assertTrue(from.matches("arn:\\$\\{Ref:AWS::Partition}:secretsmanager:.*:secret:hermes/[a-z-]+"), from);
            }
        }
    }

    @Test
    void orchestratorRunsPrivatelyBehindTheAlbWithReadinessChecks() {
        template.hasResourceProperties("AWS::ECS::Service", Map.of(
                "LaunchType", "FARGATE",
                "DesiredCount", 1,
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))),
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", OrchestratorService.READINESS_PATH,
                "Port", OrchestratorService.PORT,
                "Matcher", Map.of("HttpCode", "200")));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "LoadBalancerAttributes", Match.arrayWith(List.of(Map.of(
                        "Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true")))));
    }

    @Test
    void withoutACertificateTheAlbListensOnHttpOnly() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP"));
    }

    @Test
    void workersAcceptNoInboundTraffic() {
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("Hermes workers.*"),
                "SecurityGroupIngress", Match.absent()));
    }

    @Test
    void logsAreKeptThirtyDays() {
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }
}
