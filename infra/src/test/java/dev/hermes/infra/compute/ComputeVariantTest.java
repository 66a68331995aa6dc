package dev.hermes.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.infra.SynthesizedApp;
import dev.hermes.infra.TemplateText;
import dev.hermes.infra.VariantSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The compute stack with an existing VPC, HTTPS, images by URI and every channel (the variant synth). */
class ComputeVariantTest {
    private static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedApp app = SynthesizedApp.of(VariantSettings.SETTINGS);
        template = app.template(app.stacks().compute());
    }

    private static Map<?, ?> orchestrator() {
        Map<?, ?> properties = (Map<?, ?>) template.findResources("AWS::ECS::TaskDefinition",
                Map.of("Properties", Map.of("Family", "acme-orchestrator"))).values().iterator().next().get("Properties");
        return (Map<?, ?>) ((List<?>) properties.get("ContainerDefinitions")).get(0);
    }

    @Test
    void anExistingVpcIsUsedByIdWithoutCreatingOne() {
        template.resourceCountIs("AWS::EC2::VPC", 0);
        template.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
                Match.objectLike(Map.of("Subnets", List.of("subnet-priv1", "subnet-priv2"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of("Subnets", List.of("subnet-pub1", "subnet-pub2")));
        Map<?, ?> env = TemplateText.items(orchestrator().get("Environment")).stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> e.get("Name"), e -> TemplateText.render(e.get("Value"))));
        assertEquals("subnet-priv1,subnet-priv2", env.get(ServiceEnvironment.LAUNCHER_SUBNETS));
        assertEquals("https://hermes.acme.test/webhooks/sms/twilio", env.get(ServiceEnvironment.TWILIO_PUBLIC_URL));
    }

    @Test
    void httpsWithTheCertificateAndPlainHttpRedirects() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", VariantSettings.CERTIFICATE))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
                        "RedirectConfig", Match.objectLike(Map.of("Protocol", "HTTPS", "Port", "443")))))));
    }

    @Test
    void onlyTheConfiguredNetworkMayConnect() {
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", List.of(
                Match.objectLike(Map.of("CidrIp", "203.0.113.0/24", "FromPort", 443)),
                Match.objectLike(Map.of("CidrIp", "203.0.113.0/24", "FromPort", 80)))));
    }

    @Test
    void everyChannelSecretIsInjected() {
        Set<String> names = TemplateText.items(orchestrator().get("Secrets")).stream()
                .map(s -> ((Map<?, ?>) s).get("Name").toString()).collect(Collectors.toSet());
        assertEquals(Set.of(ServiceEnvironment.API_TOKEN, ServiceEnvironment.MIME_SECRET,
                "HERMES_INBOUND_TWILIO_AUTH_TOKEN", "HERMES_INBOUND_SLACK_SIGNING_SECRET", "HERMES_INBOUND_CHAT_SECRET"), names);
    }

    @Test
    void imagesByUriAreUsedAsGiven() {
        assertEquals("public.ecr.aws/acme/orchestrator:1.2.3", orchestrator().get("Image"));
    }
}
