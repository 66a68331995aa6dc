package dev.hermes.infra;

import dev.hermes.infra.compute.ComputeProps;
import dev.hermes.infra.compute.ImageSource;
import dev.hermes.infra.compute.LoadBalancerProps;
import dev.hermes.infra.compute.OptionalChannel;
import dev.hermes.infra.compute.VpcSource;
import dev.hermes.infra.data.DataStackProps;
import dev.hermes.infra.messaging.MessagingProps;
import dev.hermes.infra.observability.AlarmThresholds;
import dev.hermes.infra.observability.ObservabilityProps;
import java.util.EnumSet;
import java.util.List;

/**
 * Non-default settings for one shared variant synth: other prefixes, an existing VPC, HTTPS,
 * images by URI, every optional channel, other thresholds.
 */
public final class VariantSettings {
    public static final String CERTIFICATE = "arn:aws:acm:eu-west-1:111122223333:certificate/abc";
    public static final HermesStacks.Settings SETTINGS = new HermesStacks.Settings(
            DataStackProps.defaults().withTablePrefix("acme-"),
            MessagingProps.defaults().withQueuePrefix("acme-"),
            ComputeProps.defaults()
                    .withVpc(new VpcSource.Existing("vpc-0abc", List.of("eu-west-1a", "eu-west-1b"),
                            List.of("subnet-pub1", "subnet-pub2"), List.of("subnet-priv1", "subnet-priv2")))
                    .withLoadBalancer(new LoadBalancerProps(CERTIFICATE, true, List.of("203.0.113.0/24")))
                    .withChannels(EnumSet.allOf(OptionalChannel.class), "https://hermes.acme.test")
                    .withImages(new ImageSource.Uri("public.ecr.aws/acme/orchestrator:1.2.3"),
                            new ImageSource.Uri("public.ecr.aws/acme/worker:1.2.3")),
            ObservabilityProps.defaults().withThresholds(
                    AlarmThresholds.defaults().withRejections(7).withOldestPendingAgeSeconds(120)));

    private VariantSettings() {
    }
}
