package dev.hermes.tests.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.tests.ecs.EcsStandIn.EcsError;
import dev.hermes.tests.ecs.EcsStandIn.TaskDefinition;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The four ECS operations of the stand-in, with the request checks ECS makes for a Fargate task. */
final class EcsOperations {
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private final EcsStandIn ecs;

    EcsOperations(EcsStandIn ecs) {
        this.ecs = ecs;
    }

    ObjectNode runTask(JsonNode b) {
        ecs.countRunTask();
        String clusterArn = ecs.clusterArn(text(b, "cluster"));
        String reference = text(b, "taskDefinition");
        if (reference == null || reference.isBlank()) {
            throw invalid("TaskDefinition can not be blank.");
        }
        TaskDefinition definition = ecs.definition(reference);
        int count = b.path("count").asInt(1);
        if (count < 1 || count > 10) {
            throw invalid("count must be between 1 and 10.");
        }
        String provider = capacityProvider(b);
        if (EcsStandIn.strings(b.at("/networkConfiguration/awsvpcConfiguration/subnets")).isEmpty()) {
            throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        String assign = text(b.at("/networkConfiguration/awsvpcConfiguration"), "assignPublicIp");
        if (assign != null && !assign.equals("ENABLED") && !assign.equals("DISABLED")) {
            throw invalid("assignPublicIp must be ENABLED or DISABLED.");
        }
        String startedBy = text(b, "startedBy");
        if (startedBy != null && !STARTED_BY.matcher(startedBy).matches()) {
            throw invalid("startedBy may contain up to 128 letters, numbers, hyphens and underscores.");
        }
        Map<String, String> tags = tags(b.path("tags"));
        Map<String, String> env = environment(b.path("overrides"), definition);
        String token = text(b, "clientToken");
        if (token != null) {
            if (token.isEmpty() || token.length() > 64 || !token.chars().allMatch(c -> c >= 33 && c <= 126)) {
                throw invalid("clientToken must be 1 to 64 printable ASCII characters.");
            }
            synchronized (ecs) {
                String earlier = ecs.clientTokens().get(token);
                if (earlier != null) {
                    return tasksResponse(List.of(ecs.taskMap().get(earlier)));
                }
                EcsTask task = start(clusterArn, definition, startedBy, provider, tags, env, b.path("overrides"));
                ecs.clientTokens().put(token, task.arn());
                return tasksResponse(List.of(task));
            }
        }
        List<EcsTask> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(start(clusterArn, definition, startedBy, provider, tags, env, b.path("overrides")));
        }
        return tasksResponse(started);
    }

    ObjectNode describeTasks(JsonNode b) {
        String clusterArn = ecs.clusterArn(text(b, "cluster"));
        List<String> refs = EcsStandIn.strings(b.path("tasks"));
        if (refs.isEmpty() || refs.size() > 100) {
            throw invalid("Tasks cannot be empty and may name at most 100 tasks.");
        }
        boolean withTags = EcsStandIn.strings(b.path("include")).contains("TAGS");
        ArrayNode tasks = EcsStandIn.array();
        ArrayNode failures = EcsStandIn.array();
        for (String ref : refs) {
            EcsTask task = find(clusterArn, ref);
            if (task == null) {
                failures.add(EcsStandIn.object().put("arn", ref).put("reason", "MISSING"));
            } else {
                tasks.add(task.json(withTags));
            }
        }
        ObjectNode out = EcsStandIn.object();
        out.set("tasks", tasks);
        out.set("failures", failures);
        return out;
    }

    ObjectNode stopTask(JsonNode b) {
        String clusterArn = ecs.clusterArn(text(b, "cluster"));
        String ref = text(b, "task");
        EcsTask task = ref == null ? null : find(clusterArn, ref);
        if (task == null) {
            throw invalid("The referenced task was not found.");
        }
        String reason = text(b, "reason");
        if (reason != null && reason.length() > 255) {
            throw invalid("reason may be at most 255 characters.");
        }
        task.stop(reason);
        ObjectNode out = EcsStandIn.object();
        out.set("task", task.json(false));
        return out;
    }

    ObjectNode listTasks(JsonNode b) {
        String clusterArn = ecs.clusterArn(text(b, "cluster"));
        String startedBy = text(b, "startedBy");
        String desired = b.path("desiredStatus").asText("RUNNING");
        int max = b.path("maxResults").asInt(100);
        if (max < 1 || max > 100) {
            throw invalid("maxResults must be between 1 and 100.");
        }
        int from = 0;
        String next = text(b, "nextToken");
        if (next != null) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(next), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid("Invalid nextToken.");
            }
        }
        List<String> arns = ecs.taskMap().values().stream()
                .filter(t -> t.clusterArn().equals(clusterArn))
                .filter(t -> startedBy == null || startedBy.equals(t.startedBy()))
                .filter(t -> desired.equals(t.desiredStatus()))
                .map(EcsTask::arn).sorted().toList();
        ArrayNode page = EcsStandIn.array();
        arns.stream().skip(from).limit(max).forEach(page::add);
        ObjectNode out = EcsStandIn.object();
        out.set("taskArns", page);
        if (from + max < arns.size()) {
            out.put("nextToken", Base64.getEncoder().encodeToString(Integer.toString(from + max).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private EcsTask start(String clusterArn, TaskDefinition d, String startedBy, String provider, Map<String, String> tags,
                          Map<String, String> env, JsonNode overrides) {
        String id = UUID.randomUUID().toString().replace("-", "");
        String arn = ecs.taskArn(clusterArn, id);
        try {
            Path root = ecs.taskRoot(id);
            ProcessBuilder pb = new ProcessBuilder(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    d.workerJar().toAbsolutePath().toString()));
            Map<String, String> processEnv = pb.environment();
            processEnv.keySet().removeIf(k -> k.startsWith("HERMES_") || k.equals("AWS_SESSION_TOKEN") || k.equals("AWS_PROFILE"));
            // What the task role's credentials would be; nothing here can reach AWS.
            processEnv.put("AWS_ACCESS_KEY_ID", "hermeslocal");
            processEnv.put("AWS_SECRET_ACCESS_KEY", "hermeslocal");
            processEnv.put("AWS_EC2_METADATA_DISABLED", "true");
            Map<String, String> container = new LinkedHashMap<>(env);
            String workspace = container.get("HERMES_WORKSPACE");
            if (workspace != null && workspace.startsWith("/")) {
                container.put("HERMES_WORKSPACE", root.resolve("fs").resolve(workspace.substring(1)).toString());
            }
            processEnv.putAll(container);
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("worker.log").toFile()));
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            EcsTask task = new EcsTask(arn, clusterArn, ecs.definitionArn(d), d.containerName(),
                    startedBy, provider, tags, env, overrides, pb.start());
            ecs.taskMap().put(arn, task);
            return task;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the task's process", e);
        }
    }

    private EcsTask find(String clusterArn, String ref) {
        EcsTask task = ecs.taskMap().get(ref);
        if (task == null) {
            task = ecs.taskMap().values().stream().filter(t -> t.arn().endsWith("/" + ref)).findFirst().orElse(null);
        }
        return task != null && task.clusterArn().equals(clusterArn) ? task : null;
    }

    private static String capacityProvider(JsonNode b) {
        JsonNode strategy = b.path("capacityProviderStrategy");
        boolean hasStrategy = strategy.isArray() && strategy.size() > 0;
        if (hasStrategy && b.hasNonNull("launchType")) {
            throw invalid("Specifying both a launch type and capacity provider strategy is not supported.");
        }
        if (!hasStrategy) {
            return "FARGATE";
        }
        for (JsonNode item : strategy) {
            String name = text(item, "capacityProvider");
            int weight = item.path("weight").asInt(0);
            int base = item.path("base").asInt(0);
            if (name == null || name.isBlank() || weight < 0 || weight > 1000 || base < 0 || base > 100000) {
                throw invalid("capacityProviderStrategy items need a capacityProvider, weight 0-1000, base 0-100000.");
            }
        }
        return text(strategy.get(0), "capacityProvider");
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags.size() > 50) {
            throw invalid("Too many tags (at most 50).");
        }
        for (JsonNode tag : tags) {
            String key = text(tag, "key");
            String value = tag.path("value").asText("");
            if (key == null || key.isEmpty() || key.length() > 128 || value.length() > 256
                    || !TAG_CHARS.matcher(key).matches() || !TAG_CHARS.matcher(value).matches()) {
                throw invalid("The specified tag is invalid: " + key + "=" + value);
            }
            if (key.toLowerCase().startsWith("aws:")) {
                throw invalid("Tag keys with the prefix 'aws:' are reserved.");
            }
            out.put(key, value);
        }
        return out;
    }

    private static Map<String, String> environment(JsonNode overrides, TaskDefinition d) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode override : overrides.path("containerOverrides")) {
            String name = text(override, "name");
            if (!d.containerName().equals(name)) {
                throw invalid("Override for container named " + name + " is not a container in the TaskDefinition.");
            }
            for (JsonNode pair : override.path("environment")) {
                env.put(pair.path("name").asText(), pair.path("value").asText());
            }
        }
        return env;
    }

    private ObjectNode tasksResponse(List<EcsTask> tasks) {
        ArrayNode list = EcsStandIn.array();
        tasks.forEach(t -> list.add(t.json(true)));
        ObjectNode out = EcsStandIn.object();
        out.set("tasks", list);
        out.set("failures", EcsStandIn.array());
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static EcsError invalid(String message) {
        return new EcsError("InvalidParameterException", message);
    }
}
