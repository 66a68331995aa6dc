package dev.hermes.infra.observability;

import dev.hermes.infra.observability.InsightsQuery.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The alarms, each on what an operator can act on, each to its severity's topic (alarm and OK).
 * Missing data is chosen per alarm: Hermes counters exist only after their first event, so no data
 * there means nothing happened (not breaching); the orchestrator-presence alarms treat silence as
 * breaching; the inbound-email DLQ keeps its state, because SQS stops publishing for an idle queue
 * even while messages wait in it.
 */
public final class HermesAlarms extends Construct {
    static final Duration FIVE_MINUTES = Duration.minutes(5);
    static final Duration ONE_MINUTE = Duration.minutes(1);
    private final Map<Severity, ITopic> topics;
    private final String prefix;
    private final List<IAlarm> all = new ArrayList<>();

    public HermesAlarms(Construct scope, String id, ObservabilityProps props, Observed observed,
                        Map<Severity, ITopic> topics) {
        super(scope, id);
        this.topics = topics;
        this.prefix = observed.namePrefix();
        AlarmThresholds t = props.thresholds();
        String ns = props.namespace();

        hermes("DeadLetteredCommands", "dead-lettered-commands", Severity.CRITICAL,
                "Commands moved to a container's -dlq.fifo: inspect with GET /api/containers, redrive with POST /api/dlq/{containerKey}/redrive",
                InsightsQuery.of(Function.SUM, HermesMeters.COMMANDS_DEAD_LETTERED, ExportedStatistic.COUNT, ns),
                FIVE_MINUTES, t.deadLetteredCommands(), 1);
        hermes("OldestPendingCommand", "oldest-pending-command", Severity.CRITICAL,
                "A command has waited to run (RECEIVED or QUEUED) for too long: workers are not starting or not consuming",
                InsightsQuery.of(Function.MAX, HermesMeters.OLDEST_PENDING_AGE, ExportedStatistic.VALUE, ns),
                ONE_MINUTE, t.oldestPendingAgeSeconds(), 5);
        hermes("IntakeRejections", "intake-rejections", Severity.WARNING,
                "Many intake requests answered 4xx: a misconfigured provider, a broken secret or abuse (see the reason breakdown)",
                InsightsQuery.of(Function.SUM, HermesMeters.REQUESTS_REJECTED, ExportedStatistic.COUNT, ns),
                FIVE_MINUTES, t.rejections(), 1);
        hermes("ReplyFailures", "reply-failures", Severity.WARNING,
                "Replies given up on: users are not told their work is done (see GET /api/outbox)",
                InsightsQuery.of(Function.SUM, HermesMeters.REPLIES_FAILED, ExportedStatistic.COUNT, ns),
                FIVE_MINUTES, t.replyFailures(), 1);

        Metric running = Metric.Builder.create().namespace("ECS/ContainerInsights").metricName("RunningTaskCount")
                .dimensionsMap(Map.of("ClusterName", observed.cluster().getClusterName(),
                        "ServiceName", observed.orchestrator().getServiceName()))
                .statistic("Minimum").period(ONE_MINUTE).build();
        below("NoRunningOrchestrator", "no-running-orchestrator",
                "No orchestrator task is running: webhooks fail and nothing is dispatched", running,
                t.minRunningOrchestrators());
        IMetric healthy = observed.targetGroup().getMetrics().healthyHostCount(MetricOptions.builder()
                .statistic("Minimum").period(ONE_MINUTE).build());
        below("NoHealthyOrchestrator", "no-healthy-orchestrator",
                "No orchestrator target passes /health/readiness (SQS or DynamoDB unreachable from it)", healthy,
                t.minRunningOrchestrators());
        alarm("Orchestrator5xx", "orchestrator-5xx", Severity.WARNING,
                "The orchestrator answers 5xx: check its log group",
                observed.targetGroup().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
                        MetricOptions.builder().statistic("Sum").period(FIVE_MINUTES).build()),
                t.orchestrator5xx(), 1, TreatMissingData.NOT_BREACHING);

        for (String table : observed.tables().all()) {
            MathExpression throttles = MathExpression.Builder.create()
                    .expression("reads + writes")
                    .usingMetrics(Map.of("reads", dynamo("ReadThrottleEvents", table),
                            "writes", dynamo("WriteThrottleEvents", table)))
                    .period(FIVE_MINUTES)
                    .label(table + " throttle events")
                    .build();
            alarm("Throttles-" + table, "dynamodb-throttles-" + table, Severity.WARNING,
                    "DynamoDB throttles requests to " + table + ": a hot key or an account limit",
                    throttles, t.dynamoDbThrottles(), 1, TreatMissingData.NOT_BREACHING);
        }
        alarm("InboundEmailDlq", "inbound-email-dlq", Severity.WARNING,
                "Inbound mail in the inbound-email DLQ: read the hermes-error and hermes-reason attributes of its messages",
                observed.inboundEmailDlq().metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .statistic("Maximum").period(FIVE_MINUTES).build()),
                t.inboundEmailDlqVisible(), 1, TreatMissingData.IGNORE);
    }

    public List<IAlarm> all() {
        return List.copyOf(all);
    }

    private static Metric dynamo(String metric, String table) {
        return Metric.Builder.create().namespace("AWS/DynamoDB").metricName(metric)
                .dimensionsMap(Map.of("TableName", table)).statistic("Sum").period(FIVE_MINUTES).build();
    }

    private void hermes(String id, String name, Severity severity, String description, InsightsQuery query,
                        Duration period, double threshold, int periods) {
        alarm(id, name, severity, description, query.expression(period, name), threshold, periods,
                TreatMissingData.NOT_BREACHING);
    }

    private void below(String id, String name, String description, IMetric metric, double minimum) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(prefix + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(minimum)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(3)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        notify(alarm, Severity.CRITICAL);
    }

    private void alarm(String id, String name, Severity severity, String description, IMetric metric,
                       double threshold, int periods, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(prefix + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(missing)
                .build();
        notify(alarm, severity);
    }

    private void notify(Alarm alarm, Severity severity) {
        SnsAction action = new SnsAction(topics.get(severity));
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        all.add(alarm);
    }
}
