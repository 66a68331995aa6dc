package dev.hermes.infra.observability;

import dev.hermes.infra.config.ContextValues;

/**
 * Alarm thresholds; each alarm fires when its value is crossed ({@code >}, or {@code <} for the
 * minimum running orchestrator tasks). Counts are per 5 minutes.
 *
 * @param deadLetteredCommands     commands moved to a container DLQ (default 0: any)
 * @param oldestPendingAgeSeconds  age of the oldest QUEUED command, for 5 consecutive minutes (900)
 * @param rejections               4xx answers to intake requests (50)
 * @param replyFailures            replies given up on (0: any)
 * @param dynamoDbThrottles        read + write throttle events of one table (0: any)
 * @param inboundEmailDlqVisible   messages visible on the inbound-email DLQ (0: any)
 * @param minRunningOrchestrators  fewer running (or healthy) orchestrator tasks than this, for 3 minutes (1)
 * @param orchestrator5xx          5xx answers of the orchestrator targets (10)
 */
public record AlarmThresholds(double deadLetteredCommands, double oldestPendingAgeSeconds, double rejections,
                              double replyFailures, double dynamoDbThrottles, double inboundEmailDlqVisible,
                              double minRunningOrchestrators, double orchestrator5xx) {
    public static final String PREFIX = "hermes.infra.alarms.";

    public AlarmThresholds {
        for (double value : new double[] {deadLetteredCommands, oldestPendingAgeSeconds, rejections, replyFailures,
                dynamoDbThrottles, inboundEmailDlqVisible, minRunningOrchestrators, orchestrator5xx}) {
            if (value < 0 || Double.isNaN(value)) {
                throw new IllegalArgumentException("alarm thresholds must be >= 0");
            }
        }
        if (minRunningOrchestrators < 1) {
            throw new IllegalArgumentException("minRunningOrchestrators must be at least 1");
        }
    }

    public static AlarmThresholds defaults() {
        return new AlarmThresholds(0, 900, 50, 0, 0, 0, 1, 10);
    }

    public static AlarmThresholds fromContext(ContextValues v) {
        AlarmThresholds d = defaults();
        return new AlarmThresholds(
                v.decimal(PREFIX + "dead-lettered-commands", d.deadLetteredCommands()),
                v.decimal(PREFIX + "oldest-pending-age-seconds", d.oldestPendingAgeSeconds()),
                v.decimal(PREFIX + "rejections", d.rejections()),
                v.decimal(PREFIX + "reply-failures", d.replyFailures()),
                v.decimal(PREFIX + "dynamodb-throttles", d.dynamoDbThrottles()),
                v.decimal(PREFIX + "inbound-email-dlq-visible", d.inboundEmailDlqVisible()),
                v.decimal(PREFIX + "min-running-orchestrators", d.minRunningOrchestrators()),
                v.decimal(PREFIX + "orchestrator-5xx", d.orchestrator5xx()));
    }

    public AlarmThresholds withRejections(double value) {
        return new AlarmThresholds(deadLetteredCommands, oldestPendingAgeSeconds, value, replyFailures,
                dynamoDbThrottles, inboundEmailDlqVisible, minRunningOrchestrators, orchestrator5xx);
    }

    public AlarmThresholds withOldestPendingAgeSeconds(double value) {
        return new AlarmThresholds(deadLetteredCommands, value, rejections, replyFailures,
                dynamoDbThrottles, inboundEmailDlqVisible, minRunningOrchestrators, orchestrator5xx);
    }
}
