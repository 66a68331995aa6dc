package dev.hermes.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.infra.SynthesizedApp;
import dev.hermes.infra.TemplateText;
import dev.hermes.protocol.naming.MeterCatalog;
import dev.hermes.protocol.naming.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Template;

/** Alarms, topics and dashboard with default thresholds (the shared app's synth). */
class ObservabilityStackTest {
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Pattern QUERY =
            Pattern.compile("SELECT [A-Z]+\\(\"([^\"]+)\"\\) FROM \"([^\"]+)\"(?: GROUP BY ([A-Za-z0-9_]+))?");
    private static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedApp app = SynthesizedApp.defaults();
        template = app.template(app.stacks().observability());
    }

    static Map<?, ?> alarm(String name) {
        Map<String, Map<String, Object>> found = template.findResources(ALARM,
                Map.of("Properties", Map.of("AlarmName", name)));
        assertEquals(1, found.size(), "alarm " + name);
        return (Map<?, ?>) found.values().iterator().next().get("Properties");
    }

    static String topic(Severity severity) {
        return template.findResources("AWS::SNS::Topic", Map.of("Properties",
                Map.of("TopicName", "hermes-alarms-" + severity.name().toLowerCase()))).keySet().iterator().next();
    }

    /** alarm name, threshold, comparison, treat missing data, severity. */
    static Stream<Arguments> alarms() {
        return Stream.of(
                Arguments.of("hermes-dead-lettered-commands", 0, "GreaterThanThreshold", "notBreaching", Severity.CRITICAL),
                Arguments.of("hermes-oldest-pending-command", 900, "GreaterThanThreshold", "notBreaching", Severity.CRITICAL),
                Arguments.of("hermes-intake-rejections", 50, "GreaterThanThreshold", "notBreaching", Severity.WARNING),
                Arguments.of("hermes-reply-failures", 0, "GreaterThanThreshold", "notBreaching", Severity.WARNING),
                Arguments.of("hermes-no-running-orchestrator", 1, "LessThanThreshold", "breaching", Severity.CRITICAL),
                Arguments.of("hermes-no-healthy-orchestrator", 1, "LessThanThreshold", "breaching", Severity.CRITICAL),
                Arguments.of("hermes-orchestrator-5xx", 10, "GreaterThanThreshold", "notBreaching", Severity.WARNING),
                Arguments.of("hermes-inbound-email-dlq", 0, "GreaterThanThreshold", "ignore", Severity.WARNING),
                Arguments.of("hermes-dynamodb-throttles-hermes-commands", 0, "GreaterThanThreshold", "notBreaching",
                        Severity.WARNING));
    }

    @ParameterizedTest(name = "{0}: {2} {1}, missing data {3}, to {4}")
    @MethodSource("alarms")
    void alarmHasItsThresholdAndGoesToItsSeverity(String name, double threshold, String comparison, String missing,
                                                 Severity severity) {
        Map<?, ?> alarm = alarm(name);
        assertEquals(threshold, ((Number) alarm.get("Threshold")).doubleValue());
        assertEquals(comparison, alarm.get("ComparisonOperator"));
        assertEquals(missing, alarm.get("TreatMissingData"));
        Map<String, String> action = Map.of("Ref", topic(severity));
        assertEquals(List.of(action), alarm.get("AlarmActions"));
        assertEquals(List.of(action), alarm.get("OKActions"));
    }

    /** alarm name, the Metrics Insights query over the exported metric, period seconds. */
    static Stream<Arguments> hermesMetricAlarms() {
        return Stream.of(
                Arguments.of("hermes-dead-lettered-commands",
                        "SELECT SUM(\"hermes.commands.dead_lettered.count\") FROM \"Hermes\"", 300),
                Arguments.of("hermes-oldest-pending-command",
                        "SELECT MAX(\"hermes.commands.oldest_pending_age.value\") FROM \"Hermes\"", 60),
                Arguments.of("hermes-intake-rejections",
                        "SELECT SUM(\"hermes.requests.rejected.count\") FROM \"Hermes\"", 300),
                Arguments.of("hermes-reply-failures", "SELECT SUM(\"hermes.replies.failed.count\") FROM \"Hermes\"", 300));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hermesMetricAlarms")
    void hermesMetricAlarmsQueryTheExportedName(String name, String query, int period) {
        List<?> metrics = (List<?>) alarm(name).get("Metrics");
        assertEquals(1, metrics.size());
        Map<?, ?> metric = (Map<?, ?>) metrics.get(0);
        assertEquals(query, metric.get("Expression"));
        assertEquals(period, metric.get("Period"));
    }

    @Test
    void oldestPendingMustPersistFiveMinutes() {
        assertEquals(5, alarm("hermes-oldest-pending-command").get("EvaluationPeriods"));
        assertEquals(5, alarm("hermes-oldest-pending-command").get("DatapointsToAlarm"));
    }

    @Test
    void noRunningOrchestratorReadsContainerInsightsForTheService() {
        Map<?, ?> alarm = alarm("hermes-no-running-orchestrator");
        assertEquals("ECS/ContainerInsights", alarm.get("Namespace"));
        assertEquals("RunningTaskCount", alarm.get("MetricName"));
        assertEquals(List.of("ClusterName", "ServiceName"), TemplateText.items(alarm.get("Dimensions")).stream()
                .map(d -> ((Map<?, ?>) d).get("Name")).sorted().toList());
    }

    @Test
    void inboundEmailDlqAlarmsOnVisibleMessagesNotOnSends() {
        Map<?, ?> alarm = alarm("hermes-inbound-email-dlq");
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        assertEquals("Maximum", alarm.get("Statistic"));
        assertTrue(TemplateText.render(((Map<?, ?>) ((List<?>) alarm.get("Dimensions")).get(0)).get("Value"))
                .contains("InboundEmailDlq"), alarm.toString());
    }

    @Test
    void everyTableHasAThrottlingAlarmOnReadsPlusWrites() {
        for (String table : List.of("threads", "thread-keys", "commands", "containers", "routes", "outbox")) {
            List<?> metrics = (List<?>) alarm("hermes-dynamodb-throttles-hermes-" + table).get("Metrics");
            String rendered = metrics.toString();
            assertTrue(rendered.contains("ReadThrottleEvents") && rendered.contains("WriteThrottleEvents")
                    && rendered.contains("hermes-" + table), rendered);
        }
    }

    @Test
    void oneTopicPerSeverity() {
        template.resourceCountIs("AWS::SNS::Topic", Severity.values().length);
    }

    @Test
    void theDashboardHasEverySection() {
        Object body = ((Map<?, ?>) template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next()
                .get("Properties")).get("DashboardBody");
        String text = TemplateText.render(body);
        for (String section : HermesDashboard.SECTIONS) {
            assertTrue(text.contains("\"title\":\"" + section + "\""), "no " + section + " widget in " + text);
        }
        assertTrue(text.contains("SELECT SUM(\\\"hermes.requests.rejected.count\\\") FROM \\\"Hermes\\\" GROUP BY reason"), text);
        assertTrue(text.contains("hermes.commands.dead_lettered.count"), text);
        template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "hermes-operations"));
    }

    /** The Metrics Insights queries of the alarms. */
    private static List<String> alarmQueries() {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> alarm : template.findResources(ALARM).values()) {
            Object metrics = ((Map<?, ?>) alarm.get("Properties")).get("Metrics");
            if (metrics != null) {
                TemplateText.items(metrics).forEach(m -> texts.add(String.valueOf(((Map<?, ?>) m).get("Expression"))));
            }
        }
        return queries(texts);
    }

    /** The Metrics Insights queries of the dashboard, quotes unescaped. */
    private static List<String> dashboardQueries() {
        return queries(template.findResources("AWS::CloudWatch::Dashboard").values().stream()
                .map(d -> TemplateText.render(((Map<?, ?>) d.get("Properties")).get("DashboardBody"))
                        .replace("\\\"", "\""))
                .toList());
    }

    private static List<String> queries(List<String> texts) {
        List<String> queries = new ArrayList<>();
        texts.forEach(text -> QUERY.matcher(text).results().forEach(r -> queries.add(r.group())));
        return queries;
    }

    @Test
    void everyQueryReadsACatalogMeterAsItIsExportedAndSplitsItOnlyByItsTags() {
        List<String> queries = new ArrayList<>(alarmQueries());
        assertEquals(4, queries.size(), "alarm queries: " + queries);
        queries.addAll(dashboardQueries());
        assertTrue(queries.size() > 20, "only " + queries + " found: the walk would prove nothing");
        for (String query : queries) {
            Matcher m = QUERY.matcher(query);
            assertTrue(m.matches(), query);
            assertEquals(MetricNames.NAMESPACE, m.group(2), query);
            String exported = m.group(1);
            int dot = exported.lastIndexOf('.');
            MeterCatalog.Meter meter = MeterCatalog.find(exported.substring(0, dot))
                    .orElseThrow(() -> new AssertionError(query + " reads a meter the catalog does not have"));
            List<String> suffixes = MeterType.valueOf(meter.kind().name()).statistics().stream()
                    .map(ExportedStatistic::suffix).toList();
            assertTrue(suffixes.contains(exported.substring(dot + 1)),
                    query + ": a " + meter.kind() + " is exported as " + suffixes);
            if (m.group(3) != null) {
                assertTrue(meter.tags().contains(m.group(3)), query + ": " + meter.name() + " has tags " + meter.tags());
            }
        }
    }

    @Test
    void theDashboardGraphsEveryCatalogMeter() {
        Set<String> graphed = new TreeSet<>();
        for (String query : dashboardQueries()) {
            Matcher m = QUERY.matcher(query);
            assertTrue(m.matches(), query);
            graphed.add(m.group(1).substring(0, m.group(1).lastIndexOf('.')));
        }
        Set<String> catalog = new TreeSet<>(MeterCatalog.ALL.stream().map(MeterCatalog.Meter::name).toList());
        catalog.removeAll(graphed);
        assertEquals(Set.of(), catalog, "catalog meters with no graph");
    }
}
