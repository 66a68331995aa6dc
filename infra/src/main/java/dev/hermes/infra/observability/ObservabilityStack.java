package dev.hermes.infra.observability;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** One SNS topic per {@link Severity}, the {@link HermesAlarms} and the {@link HermesDashboard}. */
public final class ObservabilityStack extends Stack {
    private final Map<Severity, ITopic> topics = new EnumMap<>(Severity.class);
    private final HermesAlarms alarms;

    public ObservabilityStack(Construct scope, String id, StackProps stackProps, ObservabilityProps props,
                              Observed observed) {
        super(scope, id, stackProps);
        for (Severity severity : Severity.values()) {
            String name = severity.name().toLowerCase(Locale.ROOT);
            Topic topic = Topic.Builder.create(this, "Alarms" + severity.name())
                    .topicName(observed.namePrefix() + "alarms-" + name)
                    .displayName("Hermes " + name + " alarms")
                    .enforceSsl(true)
                    .build();
            List<String> emails = severity == Severity.CRITICAL ? props.criticalEmails() : props.warningEmails();
            emails.forEach(email -> topic.addSubscription(new EmailSubscription(email)));
            topics.put(severity, topic);
            CfnOutput.Builder.create(this, "AlarmTopic" + severity.name()).value(topic.getTopicArn()).build();
        }
        alarms = new HermesAlarms(this, "Alarms", props, observed, topics);
        new HermesDashboard(this, "Dashboard", props, observed, alarms.all());
    }

    public ITopic topic(Severity severity) {
        return topics.get(severity);
    }
}
