package dev.hermes.orchestrator.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void livenessAndReadinessAnswerWithoutAToken() throws Exception {
        HttpResponse<String> live = TestHermes.send(TestHermes.request("/health").GET());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", JSON.readTree(live.body()).get("status").asText());

        HttpResponse<String> ready = TestHermes.send(TestHermes.request("/health/readiness").GET());
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode body = JSON.readTree(ready.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.get("components").get("dynamodb").asText());
        assertEquals("UP", body.get("components").get("sqs").asText());
    }

    @Test
    void aBackendThatDoesNotAnswerMakesReadinessDown() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("hermeslocal", "hermeslocal"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(nowhere).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5))).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(nowhere).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(5)))
                     .build()) {
            SqsClient liveSqs = TestHermes.get().context().getBean(SqsClient.class);
            QueuesConfig queues = new QueuesConfig("hermes-", 3, 20, Duration.ofDays(7), Duration.ofHours(1));
            Readiness readiness = new Readiness(List.of(
                    new DynamoDbReadinessCheck(dynamo, new TablesConfig("hermes-", false)),
                    new SqsReadinessCheck(liveSqs, queues)), Clock.systemUTC());
            Readiness.Report report = readiness.report();
            assertFalse(report.up());
            assertTrue(report.components().get("dynamodb").startsWith("DOWN: "), report.toString());
            assertEquals("UP", report.components().get("sqs"));

            Readiness sqsDown = new Readiness(List.of(new SqsReadinessCheck(sqs, queues)), Clock.systemUTC());
            assertFalse(sqsDown.report().up());
        }
    }
}
