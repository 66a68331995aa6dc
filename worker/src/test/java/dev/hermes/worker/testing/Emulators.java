package dev.hermes.worker.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ on 127.0.0.1 (dynamic port) and DynamoDB Local, telemetry off: in-process for tests that
 * run the worker in the same JVM, or as an HTTP server on 127.0.0.1 for a worker in another process.
 */
public final class Emulators implements AutoCloseable {
    private final SQSRestServer sqsServer;
    private final URI sqsEndpoint;
    private final SqsClient sqs;
    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDBProxyServer dynamoDbServer;
    private final URI dynamoDbEndpoint;
    private final DynamoDbClient dynamoDb;

    private Emulators(boolean dynamoDbOverHttp) {
        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = sqsServer.waitUntilStarted().localAddress().getPort();
        sqsEndpoint = URI.create("http://127.0.0.1:" + port);
        sqs = sqsClient(sqsEndpoint);
        if (dynamoDbOverHttp) {
            dynamoDbLocal = null;
            int dynamoDbPort = freeLoopbackPort();
            dynamoDbServer = loopbackDynamoDbServer(dynamoDbPort);
            dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoDbPort);
            dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(dynamoDbEndpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        } else {
            dynamoDbServer = null;
            dynamoDbEndpoint = null;
            dynamoDbLocal = DynamoDBEmbedded.create(true);
            dynamoDb = dynamoDbLocal.dynamoDbClient();
        }
    }

    /** DynamoDB Local in-process: reachable only through {@link #dynamoDb()}. */
    public static Emulators start() {
        return new Emulators(false);
    }

    /** DynamoDB Local as an HTTP server on 127.0.0.1, for a worker in another process. */
    public static Emulators startWithDynamoDbServer() {
        return new Emulators(true);
    }

    /** The HTTP endpoint of DynamoDB Local, or null when it runs in-process. */
    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        sqs.close();
        sqsServer.stopAndWait();
        if (dynamoDbLocal != null) {
            dynamoDbLocal.shutdownNow();
        } else {
            dynamoDb.close();
            try {
                dynamoDbServer.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop DynamoDB Local", e);
            }
        }
    }

    /** The stock server listens on every interface; its Jetty connector is pinned to loopback before start. */
    private static DynamoDBProxyServer loopbackDynamoDbServer(int port) {
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(server);
            for (Connector connector : jetty.getConnectors()) {
                ((ServerConnector) connector).setHost("127.0.0.1");
            }
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start DynamoDB Local on 127.0.0.1:" + port, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
