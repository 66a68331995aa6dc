package dev.hermes.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hermes.infra.SynthesizedApp;
import dev.hermes.infra.VariantSettings;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Thresholds and names follow the props (the variant synth). */
class ObservabilityVariantTest {
    private static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedApp app = SynthesizedApp.of(VariantSettings.SETTINGS);
        template = app.template(app.stacks().observability());
    }

    private static Object threshold(String name) {
        return ((Map<?, ?>) template.findResources("AWS::CloudWatch::Alarm",
                Map.of("Properties", Map.of("AlarmName", name))).values().iterator().next().get("Properties")).get("Threshold");
    }

    @Test
    void thresholdsComeFromTheProps() {
        assertEquals(7, ((Number) threshold("acme-intake-rejections")).intValue());
        assertEquals(120, ((Number) threshold("acme-oldest-pending-command")).intValue());
        assertEquals(0, ((Number) threshold("acme-dead-lettered-commands")).intValue());
    }

    @Test
    void throttlingAlarmsFollowTheTablePrefix() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "acme-dynamodb-throttles-acme-outbox"));
    }
}
