package dev.hermes.orchestrator.secret;

import io.micronaut.aws.sdk.v2.service.AWSServiceConfiguration;
import io.micronaut.aws.sdk.v2.service.AwsClientFactory;
import io.micronaut.aws.ua.UserAgentProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.kms.KmsAsyncClient;
import software.amazon.awssdk.services.kms.KmsAsyncClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * The KMS client, made as micronaut-aws makes the clients it ships (it has none for KMS): its HTTP
 * client, credentials and region chains, and {@code aws.services.kms.endpoint-override}.
 */
@Factory
@Requires(property = "hermes.secrets.provider", value = "kms")
public class KmsClientFactory extends AwsClientFactory<KmsClientBuilder, KmsAsyncClientBuilder, KmsClient, KmsAsyncClient> {
    protected KmsClientFactory(AwsCredentialsProviderChain credentialsProvider, AwsRegionProviderChain regionProvider,
                               @Nullable UserAgentProvider userAgentProvider,
                               @Nullable @Named(KmsClient.SERVICE_METADATA_ID) AWSServiceConfiguration configuration) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
    }

    @Override
    protected KmsClientBuilder createSyncBuilder() {
        return KmsClient.builder();
    }

    @Override
    protected KmsAsyncClientBuilder createAsyncBuilder() {
        return KmsAsyncClient.builder();
    }

    @Override
    @Singleton
    public KmsClientBuilder syncBuilder(SdkHttpClient httpClient) {
        KmsClientBuilder builder = super.syncBuilder(httpClient);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .apiCallTimeout(Duration.ofSeconds(10))
                .build());
    }

    @Override
    @Bean(preDestroy = "close")
    @Singleton
    public KmsClient syncClient(KmsClientBuilder builder) {
        return super.syncClient(builder);
    }
}
