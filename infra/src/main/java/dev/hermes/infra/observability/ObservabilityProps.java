package dev.hermes.infra.observability;

import dev.hermes.infra.config.ContextValues;
import dev.hermes.protocol.naming.MetricNames;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of {@link ObservabilityStack}.
 *
 * @param namespace      CloudWatch namespace the services export to (also set on the orchestrator)
 * @param thresholds     alarm thresholds
 * @param criticalEmails addresses subscribed to the critical topic (each must confirm)
 * @param warningEmails  addresses subscribed to the warning topic
 */
public record ObservabilityProps(String namespace, AlarmThresholds thresholds, List<String> criticalEmails,
                                 List<String> warningEmails) {
    public static final String NAMESPACE = "hermes.infra.metrics-namespace";
    public static final String CRITICAL_EMAILS = "hermes.infra.alarm-emails.critical";
    public static final String WARNING_EMAILS = "hermes.infra.alarm-emails.warning";

    public ObservabilityProps {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(thresholds, "thresholds");
        if (!namespace.matches("[A-Za-z0-9_]{1,255}")) {
            throw new IllegalArgumentException("namespace must be letters, digits or _, was " + namespace);
        }
        criticalEmails = List.copyOf(criticalEmails);
        warningEmails = List.copyOf(warningEmails);
    }

    public static ObservabilityProps defaults() {
        return new ObservabilityProps(MetricNames.NAMESPACE, AlarmThresholds.defaults(), List.of(), List.of());
    }

    public static ObservabilityProps fromContext(Function<String, Object> context) {
        ContextValues v = new ContextValues(context);
        return new ObservabilityProps(v.string(NAMESPACE, MetricNames.NAMESPACE), AlarmThresholds.fromContext(v),
                v.list(CRITICAL_EMAILS), v.list(WARNING_EMAILS));
    }

    public ObservabilityProps withThresholds(AlarmThresholds value) {
        return new ObservabilityProps(namespace, value, criticalEmails, warningEmails);
    }
}
