package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.local.LocalBackends;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.table.RoutesTable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orchestrator on real emulators (ElasticMQ, DynamoDB Local, S3Proxy; all on 127.0.0.1) with
 * the test certificate source and the recording subscription confirmer; alice@example.com may
 * write to project {@code sample}. No worker jar: dispatched commands wait on their queue.
 */
final class SesHarness implements AutoCloseable {
    static final String BUCKET = "hermes-inbound-mail";
    final LocalBackends backends;
    final EmbeddedS3 s3;
    final ApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private SesHarness(LocalBackends backends, EmbeddedS3 s3, ApplicationContext context) {
        this.backends = backends;
        this.s3 = s3;
        this.context = context;
    }

    private static SesHarness shared;

    /**
     * One instance for the test classes of this package (starting the emulators costs seconds on a
     * small machine), consuming the inbound-email queue; stopped when the test JVM exits.
     */
    static synchronized SesHarness shared() throws Exception {
        if (shared == null) {
            SesHarness started = start(true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // the JVM is exiting
                }
            }));
            shared = started;
        }
        return shared;
    }

    static SesHarness start(boolean consumeQueue) throws Exception {
        LocalBackends backends = LocalBackends.start();
        EmbeddedS3 s3 = null;
        try {
            s3 = EmbeddedS3.start();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("micronaut.server.host", "127.0.0.1");
            p.put("micronaut.server.port", -1);
            p.put("aws.region", "us-east-1");
            p.put("aws.access-key-id", EmbeddedS3.IDENTITY);
            p.put("aws.secret-key", EmbeddedS3.IDENTITY);
            p.put("aws.services.sqs.endpoint-override", backends.sqsEndpoint());
            p.put("aws.services.dynamodb.endpoint-override", backends.dynamoDbEndpoint());
            p.put("aws.services.s3.endpoint-override", s3.endpoint());
            p.put("aws.s3.path-style-access-enabled", true);
            p.put("hermes.tables.create", true);
            p.put("hermes.webhooks.mime-secret", "0123456789abcdef0123");
            p.put("hermes.api.token", "0123456789abcdef0123");
            p.put("hermes.inbound.sns.topic-arns", List.of(SnsTestKeys.TOPIC));
            p.put("hermes.inbound.sqs.enabled", consumeQueue);
            p.put("hermes.inbound.sqs.create", true);
            p.put("hermes.inbound.sqs.wait-seconds", 1);
            p.put("hermes.test.sns-fixtures", true);
            ApplicationContext context = ApplicationContext.builder().properties(p).banner(false).start();
            try {
                context.getBean(EmbeddedServer.class).start();
                RouteStore routes = context.getBean(RouteStore.class);
                routes.putProject(new Project(new ProjectId("sample"), "/nonexistent/sample.git", "main",
                        List.of("/bin/true"), Map.of(), 60));
                routes.putRoute(RoutesTable.emailKey("alice@example.com"),
                        new Person(new UserId("alice"), List.of(new ProjectId("sample"))));
                return new SesHarness(backends, s3, context);
            } catch (Exception | Error e) {
                context.close();
                throw e;
            }
        } catch (Exception | Error e) {
            if (s3 != null) {
                s3.close();
            }
            backends.close();
            throw e;
        }
    }

    HttpResponse<String> post(String contentType, String messageType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getBean(EmbeddedServer.class).getPort() + "/webhooks/email/sns"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (messageType != null) {
            b.header(SnsWebhookController.TYPE_HEADER, messageType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(SnsEnvelope envelope) throws Exception {
        return post("text/plain; charset=UTF-8", envelope.type(), envelope.bytes());
    }

    int commandCount() {
        return context.getBean(DynamoDbClient.class).scan(b -> b.tableName("hermes-commands")).count();
    }

    RecordingSubscriptionConfirmer confirmer() {
        return (RecordingSubscriptionConfirmer) context.getBean(SubscriptionConfirmer.class);
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
        } finally {
            try {
                s3.close();
            } finally {
                backends.close();
            }
        }
    }
}
