package dev.hermes.orchestrator.reply.email;

import io.micronaut.aws.sdk.v2.service.AWSServiceConfiguration;
import io.micronaut.aws.sdk.v2.service.AwsClientFactory;
import io.micronaut.aws.ua.UserAgentProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * The SES v2 client, made the way micronaut-aws makes the clients it ships (it has SES v1 only):
 * its HTTP client, credentials and region chains, and the endpoint of
 * {@code aws.services.email.endpoint-override}. The SDK's own retries are off: the outbox retries
 * with its backoff, and one attempt is one call.
 */
@Factory
@Requires(property = "hermes.reply.ses.enabled", value = "true")
public class SesV2ClientFactory extends AwsClientFactory<SesV2ClientBuilder, SesV2AsyncClientBuilder, SesV2Client, SesV2AsyncClient> {
    private final SesReplyConfig config;

    protected SesV2ClientFactory(AwsCredentialsProviderChain credentialsProvider, AwsRegionProviderChain regionProvider,
                                 @Nullable UserAgentProvider userAgentProvider,
                                 @Nullable @Named(SesV2Client.SERVICE_METADATA_ID) AWSServiceConfiguration configuration,
                                 SesReplyConfig config) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
        this.config = config;
    }

    @Override
    protected SesV2ClientBuilder createSyncBuilder() {
        return SesV2Client.builder();
    }

    @Override
    protected SesV2AsyncClientBuilder createAsyncBuilder() {
        return SesV2AsyncClient.builder();
    }

    @Override
    @Singleton
    public SesV2ClientBuilder syncBuilder(SdkHttpClient httpClient) {
        SesV2ClientBuilder builder = super.syncBuilder(httpClient);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(config.requestTimeout())
                .build());
    }

    @Override
    @Bean(preDestroy = "close")
    @Singleton
    public SesV2Client syncClient(SesV2ClientBuilder builder) {
        return super.syncClient(builder);
    }
}
