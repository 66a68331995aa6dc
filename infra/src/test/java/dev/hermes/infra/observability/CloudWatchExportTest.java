package dev.hermes.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping from a Micrometer meter to the CloudWatch metrics micrometer's registry exports. */
class CloudWatchExportTest {

    @Test
    void aCounterIsExportedAsDotCount() {
        assertEquals(List.of("hermes.requests.rejected.count"),
                CloudWatchExport.metricNames("hermes.requests.rejected", MeterType.COUNTER));
        assertEquals("Count", CloudWatchExport.unit(MeterType.COUNTER, ExportedStatistic.COUNT, null));
    }

    @Test
    void aTimerIsExportedAsSumCountAvgMaxInMilliseconds() {
        assertEquals(List.of("hermes.dispatch.latency.sum", "hermes.dispatch.latency.count",
                        "hermes.dispatch.latency.avg", "hermes.dispatch.latency.max"),
                CloudWatchExport.metricNames("hermes.dispatch.latency", MeterType.TIMER));
        assertEquals("Milliseconds", CloudWatchExport.unit(MeterType.TIMER, ExportedStatistic.MAX, null));
        assertEquals("Count", CloudWatchExport.unit(MeterType.TIMER, ExportedStatistic.COUNT, null));
    }

    @Test
    void aGaugeIsExportedAsDotValueInItsBaseUnit() {
        assertEquals(List.of("hermes.commands.oldest_pending_age.value"),
                CloudWatchExport.metricNames("hermes.commands.oldest_pending_age", MeterType.GAUGE));
        assertEquals("Seconds", CloudWatchExport.unit(MeterType.GAUGE, ExportedStatistic.VALUE, "seconds"));
        assertEquals("None", CloudWatchExport.unit(MeterType.GAUGE, ExportedStatistic.VALUE, null));
    }

    @Test
    void namesKeepTheirDotsAndCase() {
        assertEquals("Hermes.Thread.foreign_signal.count",
                CloudWatchExport.metricName("Hermes.Thread.foreign_signal", MeterType.COUNTER, ExportedStatistic.COUNT));
    }

    @Test
    void aStatisticTheTypeDoesNotExportIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CloudWatchExport.metricName("hermes.containers.live", MeterType.GAUGE, ExportedStatistic.COUNT));
        assertThrows(IllegalArgumentException.class,
                () -> CloudWatchExport.metricName("hermes.intake.accepted", MeterType.COUNTER, ExportedStatistic.MAX));
    }

    @Test
    void everyTagIsADimensionInKeyOrderCutTo255CharactersAndAtMost30() {
        String longKey = "k".repeat(300);
        assertEquals(List.of("k".repeat(255), "reason"), CloudWatchExport.dimensionNames(List.of("reason", longKey)));
        List<String> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "t" + i).toList();
        assertEquals(30, CloudWatchExport.dimensionNames(many).size());
    }

    @Test
    void hermesMetersGoThroughTheSameFunction() {
        assertEquals("hermes.commands.dead_lettered.count", HermesMeters.COMMANDS_DEAD_LETTERED.metricName(ExportedStatistic.COUNT));
        assertEquals(List.of("status"), HermesMeters.COMMAND_DURATION.dimensions());
    }
}
