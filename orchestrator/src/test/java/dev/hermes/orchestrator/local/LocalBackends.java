package dev.hermes.orchestrator.local;

/**
 * For tests outside this package: the same ElasticMQ and DynamoDB Local that {@code ./hermes up}
 * runs, in this process on 127.0.0.1, on free ports.
 */
public final class LocalBackends implements AutoCloseable {
    private final EmbeddedSqs sqs;
    private final EmbeddedDynamoDb dynamo;

    private LocalBackends(EmbeddedSqs sqs, EmbeddedDynamoDb dynamo) {
        this.sqs = sqs;
        this.dynamo = dynamo;
    }

    public static LocalBackends start() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        EmbeddedSqs sqs = EmbeddedSqs.start(0);
        try {
            return new LocalBackends(sqs, EmbeddedDynamoDb.start(0, null));
        } catch (Exception e) {
            sqs.close();
            throw e;
        }
    }

    public String sqsEndpoint() {
        return sqs.endpoint();
    }

    public String dynamoDbEndpoint() {
        return dynamo.endpoint();
    }

    @Override
    public void close() throws Exception {
        try {
            dynamo.close();
        } finally {
            sqs.close();
        }
    }
}
