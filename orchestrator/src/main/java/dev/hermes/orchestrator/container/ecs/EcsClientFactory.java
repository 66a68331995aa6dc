package dev.hermes.orchestrator.container.ecs;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * micronaut-aws has no ECS client: this builds one from the same HTTP client, credentials and region
 * beans the other AWS clients use. {@code aws.services.ecs.endpoint-override} points it elsewhere
 * (tests: the local ECS stand-in).
 */
@Factory
@Requires(property = "hermes.launcher.kind", value = "ecs")
public class EcsClientFactory {
    @Singleton
    @Bean(preDestroy = "close")
    EcsClient ecsClient(SdkHttpClient http, AwsCredentialsProviderChain credentials, AwsRegionProviderChain region,
                        @Value("${aws.services.ecs.endpoint-override:}") String endpoint) {
        EcsClientBuilder builder = EcsClient.builder().httpClient(http).credentialsProvider(credentials)
                .region(region.getRegion());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
