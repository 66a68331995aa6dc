package dev.hermes.tests.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the ECS control plane, speaking its JSON 1.1 wire protocol ({@code POST /},
 * {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*}, errors as {@code {"__type", "message"}}
 * with status 400) for {@code RunTask}, {@code DescribeTasks}, {@code StopTask} and {@code ListTasks}.
 * A task is a real worker process: {@code java -jar} the task definition's jar, with the container
 * override's environment; its "filesystem" is a folder of its own (absolute paths in
 * {@code HERMES_WORKSPACE} are placed under it), as a Fargate task has its own ephemeral storage.
 * It listens on 127.0.0.1 only.
 */
public final class EcsStandIn implements AutoCloseable {
    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String region;
    private final Path root;
    private final Set<String> clusters;
    private final Map<String, TaskDefinition> definitions;
    private final Map<String, EcsTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> byClientToken = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger runTaskCalls = new AtomicInteger();

    /** A registered task definition: its family, the one container's name, and the worker jar it runs. */
    public record TaskDefinition(String family, String containerName, Path workerJar) {
    }

    private EcsStandIn(HttpServer server, String region, Path root, Set<String> clusters,
                       Map<String, TaskDefinition> definitions) {
        this.server = server;
        this.region = region;
        this.root = root;
        this.clusters = clusters;
        this.definitions = definitions;
    }

    public static EcsStandIn start(Path root, String cluster, TaskDefinition definition) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        EcsStandIn ecs = new EcsStandIn(server, "us-east-1", root, Set.of(cluster), Map.of(definition.family(), definition));
        server.createContext("/", ecs::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return ecs;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The orchestrator settings that run workers on this stand-in (cluster {@code hermes}, family {@code hermes-worker}). */
    public Map<String, Object> launcherProperties() {
        return Map.of("hermes.launcher.kind", "ecs",
                "aws.services.ecs.endpoint-override", endpoint(),
                "hermes.launcher.ecs.cluster", "hermes",
                "hermes.launcher.ecs.task-definition", "hermes-worker",
                "hermes.launcher.ecs.subnets", List.of("subnet-0a1b2c3d"),
                "hermes.launcher.ecs.security-groups", List.of("sg-0a1b2c3d"),
                "hermes.launcher.ecs.capacity-provider-strategy", List.of("FARGATE_SPOT:4", "FARGATE:1:1"));
    }

    /** How many tasks RunTask has started (a call answered from its client token starts none). */
    public int tasksStarted() {
        return started.get();
    }

    public int runTaskCalls() {
        return runTaskCalls.get();
    }

    public List<EcsTask> tasks() {
        return List.copyOf(tasks.values());
    }

    /** Ends a task's process abruptly, as a crashed container (no StopTask). */
    public void crash(String taskArn) {
        tasks.get(taskArn).process().destroyForcibly();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            ObjectNode answer;
            try {
                answer = answer(exchange);
            } catch (EcsError e) {
                status = e.status();
                answer = error(e.type(), e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                answer = error("ServerException", e.toString());
            }
            respond(exchange, status, answer);
        }
    }

    private ObjectNode answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            throw new EcsError(404, "UnknownOperationException", null);
        }
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
            throw new EcsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (type == null || !type.startsWith("application/x-amz-json-1.1")) {
            throw new EcsError("SerializationException", "expected application/x-amz-json-1.1");
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String operation = target == null || !target.startsWith(TARGET_PREFIX) ? "" : target.substring(TARGET_PREFIX.length());
        EcsOperations ops = new EcsOperations(this);
        return switch (operation) {
            case "RunTask" -> ops.runTask(body);
            case "DescribeTasks" -> ops.describeTasks(body);
            case "StopTask" -> ops.stopTask(body);
            case "ListTasks" -> ops.listTasks(body);
            default -> throw new EcsError("UnknownOperationException", "Unknown operation " + target);
        };
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = JSON.createObjectNode().put("__type", type);
        if (message != null) {
            node.put("message", message);
        }
        return node;
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // State, used by EcsOperations.
    String clusterArn(String cluster) {
        String name = cluster == null || cluster.isBlank() ? "default" : cluster;
        if (name.startsWith("arn:")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        if (!clusters.contains(name)) {
            throw new EcsError("ClusterNotFoundException", "Cluster not found.");
        }
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + name;
    }

    TaskDefinition definition(String reference) {
        String family = reference;
        if (family.startsWith("arn:")) {
            family = family.substring(family.lastIndexOf('/') + 1);
        }
        family = family.contains(":") ? family.substring(0, family.indexOf(':')) : family;
        TaskDefinition d = definitions.get(family);
        if (d == null) {
            throw new EcsError("ClientException", "Unable to describe task definition.");
        }
        return d;
    }

    String definitionArn(TaskDefinition d) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + d.family() + ":1";
    }

    String taskArn(String clusterArn, String id) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task/" + clusterArn.substring(clusterArn.lastIndexOf('/') + 1) + "/" + id;
    }

    Map<String, EcsTask> taskMap() {
        return tasks;
    }

    Map<String, String> clientTokens() {
        return byClientToken;
    }

    void countRunTask() {
        runTaskCalls.incrementAndGet();
    }

    Path taskRoot(String id) throws IOException {
        started.incrementAndGet();
        return Files.createDirectories(root.resolve("tasks").resolve(id));
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        tasks.values().forEach(t -> t.process().destroyForcibly());
        for (EcsTask t : tasks.values()) {
            try {
                t.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A failure answered as ECS does: 400 with {@code __type} and {@code message}. */
    static final class EcsError extends RuntimeException {
        private final int status;
        private final String type;

        EcsError(String type, String message) {
            this(400, type, message);
        }

        EcsError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }
    }
}
