package dev.hermes.orchestrator.storage;

import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every request Hermes makes to AWS (or the emulators) by service and operation,
 * {@code hermes.aws.requests}: what a routed message costs in requests, visible in the metrics.
 */
@Singleton
public class AwsRequestMetrics implements BeanCreatedEventListener<SdkClientBuilder<?, ?>> {
    private final Provider<MeterRegistry> meters;

    public AwsRequestMetrics(Provider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public SdkClientBuilder<?, ?> onCreated(BeanCreatedEvent<SdkClientBuilder<?, ?>> event) {
        SdkClientBuilder<?, ?> builder = event.getBean();
        ClientOverrideConfiguration existing = builder.overrideConfiguration();
        builder.overrideConfiguration(existing.toBuilder().addExecutionInterceptor(new Counting()).build());
        return builder;
    }

    private final class Counting implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            meters.get().counter(MetricNames.AWS_REQUESTS,
                    MetricNames.TAG_SERVICE, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    MetricNames.TAG_OPERATION, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).increment();
        }
    }
}
