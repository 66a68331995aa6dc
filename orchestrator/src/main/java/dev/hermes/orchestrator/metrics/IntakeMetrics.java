package dev.hermes.orchestrator.metrics;

import static dev.hermes.protocol.naming.MetricNames.TAG_CHANNEL;
import static dev.hermes.protocol.naming.MetricNames.TAG_PROVIDER;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.naming.MetricNames;
import dev.hermes.protocol.state.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/** What the intake counts: accepted, duplicate and refused messages, failed signatures, dispatch latency. */
@Singleton
public class IntakeMetrics {
    /** Webhook signers, the {@code provider} tag of {@code hermes.webhooks.signature_failures}. */
    public enum Provider {
        SNS, TWILIO, SLACK, CHAT, MIME;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry meters;

    public IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A new command, on its queue {@code nanos} after the intake took the message. */
    public void accepted(Channel channel, long nanos) {
        meters.counter(MetricNames.INTAKE_ACCEPTED, TAG_CHANNEL, MetricTags.channel(channel)).increment();
        meters.timer(MetricNames.DISPATCH_LATENCY, TAG_CHANNEL, MetricTags.channel(channel))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void duplicate(Channel channel) {
        meters.counter(MetricNames.INTAKE_DUPLICATES, TAG_CHANNEL, MetricTags.channel(channel)).increment();
    }

    /**
     * Runs a signature or secret check; a refusal is counted for {@code provider} and rethrown (its
     * 4xx is counted by reason as usual).
     */
    public void verify(Provider provider, Runnable check) {
        try {
            check.run();
        } catch (RejectedException e) {
            meters.counter(MetricNames.SIGNATURE_FAILURES, TAG_PROVIDER, provider.tag()).increment();
            throw e;
        }
    }
}
