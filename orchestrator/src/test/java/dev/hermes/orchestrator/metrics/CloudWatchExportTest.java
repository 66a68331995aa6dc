package dev.hermes.orchestrator.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.orchestrator.local.TestHermes;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Local mode and the tests publish nothing: no CloudWatch registry and no CloudWatch client exist,
 * even when the environment asks for the export. When a deployment turns it on, the Hermes meters
 * (and only they) go to the namespace Hermes, at the configured endpoint (here a stand-in on 127.0.0.1).
 */
class CloudWatchExportTest {
    private static final String ENABLED = "micronaut.metrics.export.cloudwatch.enabled";

    @Test
    void theTestAndLocalContextsHaveNoCloudWatchRegistryNorClient() {
        assertNothingPublishes(TestHermes.get().context());
    }

    @Test
    void localModeStaysOffWhenTheEnvironmentAsksForTheExport() throws Exception {
        System.setProperty(ENABLED, "true"); // as MICRONAUT_METRICS_EXPORT_CLOUDWATCH_ENABLED=true would
        try (LocalHermes hermes = start(Map.of())) {
            assertNothingPublishes(hermes.context());
        } finally {
            System.clearProperty(ENABLED);
        }
    }

    @Test
    void turnedOnItPutsTheHermesMetersOnlyToTheNamespaceHermes() throws Exception {
        try (CloudWatchStandIn cloudWatch = new CloudWatchStandIn();
             LocalHermes hermes = start(Map.of(ENABLED, true, "micronaut.metrics.export.cloudwatch.step", "PT1S",
                     "aws.services.monitoring.endpoint-override", cloudWatch.baseUrl()))) {
            assertTrue(registries(hermes.context()).stream().anyMatch(r -> r instanceof CloudWatchMeterRegistry));
            HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(hermes.url() + "/webhooks/email/mime"))
                    .header("Content-Type", "message/rfc822").header("X-Hermes-Secret", hermes.property("mimeSecret"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MimeBuilder.build("alice@example.com",
                            "hermes@hermes.localhost", "Exported", "Count me", null))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());

            await().atMost(Duration.ofSeconds(60)).until(() -> cloudWatch.metricNames().contains("hermes.intake.accepted.count"));
            cloudWatch.puts().forEach(put -> assertEquals("Hermes", put.get("Namespace"), put.toString()));
            List<String> names = cloudWatch.metricNames();
            assertTrue(names.contains("hermes.dispatch.latency.sum"), names.toString());
            assertFalse(names.isEmpty());
            names.forEach(name -> assertTrue(name.startsWith("hermes."), "only Hermes meters are exported: " + name));
        }
    }

    private static void assertNothingPublishes(ApplicationContext context) {
        assertEquals(false, context.getProperty(ENABLED, Boolean.class).orElseThrow());
        assertTrue(context.findBean(CloudWatchMeterRegistry.class).isEmpty());
        assertTrue(context.findBean(CloudWatchAsyncClient.class).isEmpty());
        assertTrue(context.findBean(CloudWatchClient.class).isEmpty());
        assertFalse(registries(context).isEmpty(), "metrics are still kept, for the ops API");
        assertTrue(registries(context).stream().noneMatch(r -> r instanceof CloudWatchMeterRegistry));
    }

    private static java.util.Set<MeterRegistry> registries(ApplicationContext context) {
        return ((CompositeMeterRegistry) context.getBean(MeterRegistry.class)).getRegistries();
    }

    private static LocalHermes start(Map<String, Object> overrides) throws Exception {
        Path root = Files.createTempDirectory("hermes-cloudwatch-test");
        Path seed = Path.of(CloudWatchExportTest.class.getResource("/test-seed.yml").toURI());
        Map<String, Object> all = new java.util.HashMap<>(overrides);
        all.put("hermes.reaper.enabled", false);
        return LocalHermes.start(LocalOptions.forTests(root, seed, root.resolve("no-worker.jar"), 5), all);
    }
}
