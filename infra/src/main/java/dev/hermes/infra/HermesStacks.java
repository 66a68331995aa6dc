package dev.hermes.infra;

import dev.hermes.infra.compute.ComputeProps;
import dev.hermes.infra.compute.ComputeStack;
import dev.hermes.infra.compute.Wiring;
import dev.hermes.infra.data.DataStack;
import dev.hermes.infra.data.DataStackProps;
import dev.hermes.infra.messaging.MessagingProps;
import dev.hermes.infra.messaging.MessagingStack;
import dev.hermes.infra.observability.ObservabilityProps;
import dev.hermes.infra.observability.ObservabilityStack;
import dev.hermes.infra.observability.Observed;
import java.util.List;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** The four stacks of a Hermes deployment, wired together in one app. */
public record HermesStacks(DataStack data, MessagingStack messaging, ComputeStack compute,
                           ObservabilityStack observability) {
    public static final String DATA = "HermesData";
    public static final String MESSAGING = "HermesMessaging";
    public static final String COMPUTE = "HermesCompute";
    public static final String OBSERVABILITY = "HermesObservability";

    /** All settings, one record per stack. */
    public record Settings(DataStackProps data, MessagingProps messaging, ComputeProps compute,
                           ObservabilityProps observability) {
        public static Settings defaults() {
            return new Settings(DataStackProps.defaults(), MessagingProps.defaults(), ComputeProps.defaults(),
                    ObservabilityProps.defaults());
        }

        public static Settings fromContext(Function<String, Object> context) {
            return new Settings(DataStackProps.fromContext(context), MessagingProps.fromContext(context),
                    ComputeProps.fromContext(context), ObservabilityProps.fromContext(context));
        }
    }

    public static HermesStacks create(App app, Settings settings) {
        DataStack data = new DataStack(app, DATA, described("Hermes DynamoDB tables (DESIGN §4)"), settings.data());
        MessagingStack messaging = new MessagingStack(app, MESSAGING,
                described("Hermes inbound mail: SES receipt, raw mail bucket, inbound-email queue and DLQ"),
                settings.messaging());
        Wiring wiring = new Wiring(settings.data().tableNames(), settings.messaging().queuePrefix(),
                settings.messaging().maxReceiveCount(), messaging.inboundTopic(), messaging.rawMail(),
                MessagingStack.RAW_MAIL_KEY_PREFIX, settings.observability().namespace(), data.secretsKey());
        ComputeStack compute = new ComputeStack(app, COMPUTE,
                described("Hermes ECS cluster, orchestrator service behind an ALB, worker task definition"),
                settings.compute(), wiring);
        compute.addStackDependency(data, "the orchestrator and workers need their tables");
        Observed observed = new Observed(settings.messaging().queuePrefix(), settings.data().tableNames(),
                messaging.inboundEmailDlq(), compute.cluster(), compute.orchestrator().service(),
                compute.orchestrator().targetGroup());
        ObservabilityStack observability = new ObservabilityStack(app, OBSERVABILITY,
                described("Hermes alarms, severity topics and dashboard"), settings.observability(), observed);
        return new HermesStacks(data, messaging, compute, observability);
    }

    public List<Stack> all() {
        return List.of(data, messaging, compute, observability);
    }

    /**
     * The templates carry no assets (no Lambda code, no Docker build), so they are synthesized for the
     * deployer's own credentials: no {@code cdk bootstrap} and no bootstrap-version rule, and plain
     * {@code aws cloudformation deploy} works as well as {@code cdk deploy}.
     */
    private static StackProps described(String description) {
        return StackProps.builder().description(description)
                .synthesizer(CliCredentialsStackSynthesizer.Builder.create().build()).build();
    }
}
