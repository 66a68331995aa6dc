package dev.hermes.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hermes.infra.observability.AlarmThresholds;
import dev.hermes.infra.observability.ObservabilityProps;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Context to props, and what the props refuse before anything is synthesized. */
class ComputePropsTest {

    @Test
    void emptyContextGivesDefaults() {
        assertEquals(ComputeProps.defaults(), ComputeProps.fromContext(key -> null));
        assertEquals(ObservabilityProps.defaults(), ObservabilityProps.fromContext(key -> null));
    }

    @Test
    void readsAnExistingVpcImagesChannelsAndCertificate() {
        Map<String, Object> context = Map.of(
                "hermes.infra.vpc-id", "vpc-1",
                "hermes.infra.availability-zones", "a,b",
                "hermes.infra.private-subnet-ids", "s1, s2",
                "hermes.infra.worker-image", "public.ecr.aws/x/worker:2",
                "hermes.infra.image-tag", "v7",
                "hermes.infra.channels", "sms,Slack",
                "hermes.infra.public-url", "https://h.example",
                "hermes.infra.certificate-arn", "arn:aws:acm:r:1:certificate/c");
        ComputeProps props = ComputeProps.fromContext(context::get);
        assertEquals(new VpcSource.Existing("vpc-1", List.of("a", "b"), List.of(), List.of("s1", "s2")), props.vpc());
        assertEquals(new ImageSource.Uri("public.ecr.aws/x/worker:2"), props.workerImage());
        assertEquals(new ImageSource.Ecr("hermes-orchestrator", "v7"), props.orchestratorImage());
        assertEquals(Set.of(OptionalChannel.SMS, OptionalChannel.SLACK), props.channels());
        assertEquals("arn:aws:acm:r:1:certificate/c", props.loadBalancer().certificateArn());
    }

    @Test
    void smsWithoutAPublicUrlIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ComputeProps.defaults().withChannels(Set.of(OptionalChannel.SMS), null));
    }

    @Test
    void anUnknownChannelOrBadThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ComputeProps.fromContext(Map.<String, Object>of("hermes.infra.channels", "fax")::get));
        assertThrows(IllegalArgumentException.class,
                () -> ObservabilityProps.fromContext(Map.<String, Object>of("hermes.infra.alarms.rejections", "-1")::get));
        assertThrows(IllegalArgumentException.class, () -> AlarmThresholds.defaults().withRejections(Double.NaN));
    }

    @Test
    void fargateSizesAndStorageAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TaskSize(300, 1024));
        assertThrows(IllegalArgumentException.class,
                () -> ComputeProps.fromContext(Map.<String, Object>of("hermes.infra.worker-storage-gib", "10")::get));
    }
}
