package dev.hermes.infra.observability;

import dev.hermes.infra.observability.InsightsQuery.Function;
import dev.hermes.protocol.naming.MetricNames;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * One dashboard: intake, dispatch, containers, commands, interrupts, replies, DLQ and group
 * commit from the Hermes metrics (Metrics Insights, split by their tags), the orchestrator service
 * and the alarms' states. Every meter of {@code MeterCatalog} has a graph (a test holds it to that).
 */
public final class HermesDashboard extends Construct {
    public static final List<String> SECTIONS =
            List.of("Intake", "Dispatch", "Containers", "Commands", "Interrupts", "Replies", "DLQ", "Group commit");
    private static final Duration PERIOD = Duration.minutes(5);
    private final String namespace;

    public HermesDashboard(Construct scope, String id, ObservabilityProps props, Observed observed, List<IAlarm> alarms) {
        super(scope, id);
        this.namespace = props.namespace();
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(observed.namePrefix() + "operations")
                .build();
        dashboard.addWidgets(
                graph("Intake",
                        List.of(sum(HermesMeters.INTAKE_ACCEPTED), sum(HermesMeters.INTAKE_DUPLICATES)),
                        List.of(sum(HermesMeters.REQUESTS_REJECTED), sum(HermesMeters.SIGNATURE_FAILURES))),
                graph("Dispatch",
                        List.of(stat(Function.AVG, HermesMeters.DISPATCH_LATENCY, ExportedStatistic.AVG),
                                stat(Function.MAX, HermesMeters.DISPATCH_LATENCY, ExportedStatistic.MAX)),
                        List.of(sum(HermesMeters.THREAD_SIGNAL), sum(HermesMeters.THREAD_FOREIGN_SIGNAL))));
        dashboard.addWidgets(
                graph("Containers",
                        List.of(stat(Function.MAX, HermesMeters.CONTAINERS_LIVE, ExportedStatistic.VALUE),
                                stat(Function.SUM, HermesMeters.LEASE_TAKEOVERS, ExportedStatistic.COUNT),
                                stat(Function.SUM, HermesMeters.FENCING_REJECTIONS, ExportedStatistic.COUNT),
                                sum(HermesMeters.CONTAINERS_LAUNCHED), sum(HermesMeters.CONTAINERS_LAUNCH_FAILED)),
                        List.of(stat(Function.AVG, HermesMeters.COLD_START, ExportedStatistic.AVG),
                                stat(Function.MAX, HermesMeters.COLD_START, ExportedStatistic.MAX))),
                graph("Commands",
                        List.of(stat(Function.AVG, HermesMeters.COMMAND_DURATION, ExportedStatistic.AVG)
                                        .groupedBy(MetricNames.TAG_STATUS).expression(PERIOD, "duration avg ms"),
                                stat(Function.SUM, HermesMeters.COMMAND_DURATION, ExportedStatistic.COUNT)
                                        .groupedBy(MetricNames.TAG_STATUS).expression(PERIOD, "finished")),
                        List.of(stat(Function.AVG, HermesMeters.QUEUE_WAIT, ExportedStatistic.AVG).expression(PERIOD, "queue wait avg ms"),
                                stat(Function.MAX, HermesMeters.OLDEST_PENDING_AGE, ExportedStatistic.VALUE)
                                        .expression(PERIOD, "oldest pending s"))));
        dashboard.addWidgets(
                graph("Interrupts",
                        List.of(sum(HermesMeters.INTERRUPTS_SENT), sum(HermesMeters.INTERRUPTS)),
                        List.of(stat(Function.MAX, HermesMeters.INTERRUPT_LATENCY, ExportedStatistic.MAX)
                                .groupedBy(MetricNames.TAG_OUTCOME).expression(PERIOD, "latency max ms"))),
                graph("Replies",
                        List.of(sum(HermesMeters.REPLIES_SENT)),
                        List.of(sum(HermesMeters.REPLIES_FAILED))));
        dashboard.addWidgets(
                graph("DLQ",
                        List.of(sum(HermesMeters.COMMANDS_DEAD_LETTERED)),
                        List.of(observed.inboundEmailDlq().metricApproximateNumberOfMessagesVisible(
                                MetricOptions.builder().statistic("Maximum").period(PERIOD).label("inbound-email DLQ visible").build()))),
                graph("Orchestrator",
                        List.of(Metric.Builder.create().namespace("ECS/ContainerInsights").metricName("RunningTaskCount")
                                        .dimensionsMap(Map.of("ClusterName", observed.cluster().getClusterName(),
                                                "ServiceName", observed.orchestrator().getServiceName()))
                                        .statistic("Minimum").period(Duration.minutes(1)).label("running tasks").build(),
                                observed.targetGroup().getMetrics().healthyHostCount(MetricOptions.builder()
                                        .statistic("Minimum").period(Duration.minutes(1)).label("healthy targets").build())),
                        List.of(observed.targetGroup().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
                                MetricOptions.builder().statistic("Sum").period(PERIOD).label("5xx").build()))));
        dashboard.addWidgets(
                graph("Group commit",
                        List.of(stat(Function.AVG, HermesMeters.BATCH_SIZE, ExportedStatistic.AVG)
                                        .groupedBy(MetricNames.TAG_STAGE).expression(PERIOD, "batch size avg"),
                                stat(Function.AVG, HermesMeters.BATCH_DURATION, ExportedStatistic.AVG)
                                        .groupedBy(MetricNames.TAG_STAGE).expression(PERIOD, "batch avg ms")),
                        List.of(stat(Function.SUM, HermesMeters.AWS_REQUESTS, ExportedStatistic.COUNT)
                                .groupedBy(MetricNames.TAG_SERVICE).expression(PERIOD, "AWS requests"))));
        dashboard.addWidgets(AlarmStatusWidget.Builder.create().title("Alarms").alarms(alarms).width(24).build());
    }

    /** A counter's total per value of its one tag. */
    private IMetric sum(HermesMeter meter) {
        if (meter.tags().size() != 1) {
            throw new IllegalArgumentException(meter.name() + " is split by its one tag, but has " + meter.tags());
        }
        return stat(Function.SUM, meter, ExportedStatistic.COUNT).groupedBy(meter.tags().get(0))
                .expression(PERIOD, meter.name());
    }

    private InsightsQuery stat(Function function, HermesMeter meter, ExportedStatistic statistic) {
        return InsightsQuery.of(function, meter, statistic, namespace);
    }

    private static IWidget graph(String title, List<?> left, List<?> right) {
        return GraphWidget.Builder.create().title(title).width(12).height(6)
                .left(metrics(left)).right(metrics(right)).build();
    }

    private static List<IMetric> metrics(List<?> items) {
        return items.stream().map(item -> item instanceof InsightsQuery q
                ? q.expression(PERIOD, q.meter().name() + " " + q.statistic().suffix())
                : (IMetric) item).toList();
    }
}
