package dev.hermes.worker;

import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The two SDK clients the worker uses. Built on the URL-connection HTTP client (quick to start, no
 * connection pool to warm); credentials come from the SDK's default chain.
 */
public record AwsClients(SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {

    public AwsClients {
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(dynamoDb, "dynamoDb");
    }

    public static AwsClients create(WorkerConfig config) {
        Region region = Region.of(config.region());
        SqsClientBuilder sqs = SqsClient.builder()
                .region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (config.sqsEndpoint() != null) {
            sqs.endpointOverride(config.sqsEndpoint());
        }
        DynamoDbClientBuilder dynamoDb = DynamoDbClient.builder()
                .region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (config.dynamoDbEndpoint() != null) {
            dynamoDb.endpointOverride(config.dynamoDbEndpoint());
        }
        return new AwsClients(sqs.build(), dynamoDb.build());
    }

    /** A KMS client for opening project secrets; made only when a project has some. */
    public static KmsClient kms(WorkerConfig config) {
        KmsClientBuilder kms = KmsClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (config.secrets().kmsEndpoint() != null) {
            kms.endpointOverride(config.secrets().kmsEndpoint());
        }
        return kms.build();
    }

    @Override
    public void close() {
        sqs.close();
        dynamoDb.close();
    }
}
