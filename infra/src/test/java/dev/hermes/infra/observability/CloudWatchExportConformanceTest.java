package dev.hermes.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.cloudwatch2.ExportedData;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * {@link CloudWatchExport} against the real registry the orchestrator ships
 * (micronaut-micrometer-registry-cloudwatch → micrometer-registry-cloudwatch2): every Hermes meter
 * is registered, one step passes, and the names, dimensions and units the registry would put must
 * be the ones the mirror predicts. Nothing is sent: publishing is disabled and the client refuses calls.
 */
class CloudWatchExportConformanceTest {
    private final MockClock clock = new MockClock();
    private CloudWatchMeterRegistry registry;

    @BeforeEach
    void registry() {
        Map<String, String> config = Map.of("cloudwatch.namespace", "Hermes", "cloudwatch.enabled", "false",
                "cloudwatch.step", "PT1M");
        CloudWatchAsyncClient refusing = (CloudWatchAsyncClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloudWatchAsyncClient.class}, (proxy, method, args) -> {
                    throw new AssertionError("the test must not call CloudWatch: " + method.getName());
                });
        registry = new CloudWatchMeterRegistry((CloudWatchConfig) config::get, clock, refusing);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void everyHermesMeterIsExportedAsTheMirrorSays() {
        AtomicInteger gauge = new AtomicInteger(3);
        for (HermesMeter meter : HermesMeters.ALL) {
            Tags tags = Tags.of(meter.tags().stream().map(key -> Tag.of(key, "x")).toList());
            switch (meter.type()) {
                case COUNTER -> registry.counter(meter.name(), tags).increment();
                case TIMER -> registry.timer(meter.name(), tags).record(Duration.ofMillis(250));
                case DISTRIBUTION_SUMMARY -> registry.summary(meter.name(), tags).record(7);
                case GAUGE -> io.micrometer.core.instrument.Gauge.builder(meter.name(), gauge, AtomicInteger::get)
                        .tags(tags).baseUnit(meter.baseUnit()).register(registry);
                default -> throw new AssertionError("no Hermes meter is a " + meter.type());
            }
        }
        clock.add(Duration.ofMinutes(1)); // one step: the recorded values become the exported ones

        Map<String, MetricDatum> exported = new LinkedHashMap<>();
        for (MetricDatum datum : ExportedData.of(registry)) {
            exported.put(datum.metricName(), datum);
        }
        for (HermesMeter meter : HermesMeters.ALL) {
            for (ExportedStatistic statistic : meter.type().statistics()) {
                String name = meter.metricName(statistic);
                MetricDatum datum = exported.remove(name);
                assertEquals(true, datum != null, name + " not exported; exported: " + exported.keySet());
                assertEquals(meter.dimensions(), datum.dimensions().stream().map(Dimension::name).toList(), name);
                assertEquals(meter.unit(statistic), datum.unitAsString(), name);
            }
        }
        assertEquals(Map.of(), exported, "exported metrics the mirror does not know");
    }

    @Test
    void aTimerWithoutEventsInTheStepExportsOnlySumAndCount() {
        Timer timer = registry.timer("hermes.dispatch.latency");
        timer.record(Duration.ofMillis(5));
        clock.add(Duration.ofMinutes(2)); // a step with no events
        List<String> names = ExportedData.of(registry).stream().map(MetricDatum::metricName).toList();
        assertEquals(List.of("hermes.dispatch.latency.sum", "hermes.dispatch.latency.count"), names);
    }

    @Test
    void commonTagsBecomeDimensionsToo() {
        registry.config().commonTags("service", "orchestrator");
        registry.counter("hermes.requests.rejected", "reason", "rate_limited").increment();
        clock.add(Duration.ofMinutes(1));
        MetricDatum datum = ExportedData.of(registry).get(0);
        assertEquals("hermes.requests.rejected.count", datum.metricName());
        assertEquals(List.of("reason", "service"), datum.dimensions().stream().map(Dimension::name).sorted().toList());
    }
}
