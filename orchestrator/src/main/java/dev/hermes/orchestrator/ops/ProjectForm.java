package dev.hermes.orchestrator.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.orchestrator.api.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;

/**
 * The project form of the ops page as the JSON body of {@code POST} / {@code PUT /api/projects}, so
 * the page is checked by exactly the API's rules (and its errors name the same fields). The agent's
 * command is one argument a line, its environment one {@code NAME=value} a line; a number that is no
 * number is passed on as text for the API to refuse. The form has no secret fields: secrets are set
 * one by one ({@link SecretForm}).
 */
record ProjectForm(@Nullable String projectId, @Nullable String repoUrl, @Nullable String defaultBranch,
                   @Nullable String argv, @Nullable String env, @Nullable String timeoutSeconds,
                   @Nullable String outputCapBytes, @Nullable String preempt, @Nullable String gitUsername) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param withId whether the body names the project (create) or the URL does (update) */
    String toJson(boolean withId) {
        ObjectNode root = JSON.createObjectNode();
        if (withId) {
            root.put("projectId", blankToNull(projectId));
        }
        root.put("repoUrl", blankToNull(repoUrl));
        putIfGiven(root, "defaultBranch", defaultBranch);
        ObjectNode agent = root.putObject("agent");
        ArrayNode args = agent.putArray("argv");
        lines(argv).forEach(args::add);
        ObjectNode vars = agent.putObject("env");
        for (String line : lines(env)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidFieldException("agent.env", "one NAME=value a line");
            }
            vars.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        putNumber(agent, "timeoutSeconds", timeoutSeconds);
        putNumber(agent, "outputCapBytes", outputCapBytes);
        putIfGiven(agent, "preempt", preempt);
        if (blankToNull(gitUsername) != null) {
            root.putObject("git").put("username", gitUsername.strip());
        }
        return root.toString();
    }

    private static java.util.List<String> lines(String text) {
        return text == null ? java.util.List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void putIfGiven(ObjectNode node, String name, String value) {
        if (blankToNull(value) != null) {
            node.put(name, value.strip());
        }
    }

    private static void putNumber(ObjectNode node, String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return;
        }
        try {
            node.put(name, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            node.put(name, v);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
