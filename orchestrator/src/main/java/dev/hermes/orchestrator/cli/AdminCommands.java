package dev.hermes.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ./hermes token create --role R [--name N] | list | revoke ID} and
 * {@code ./hermes secrets list | set NAME [--project P] | unset NAME [--project P] | rotate-key | re-encrypt}
 * against a running local Hermes. A secret's value is read from standard input (never an argument,
 * so it is in no shell history or process list); a new token is printed once.
 */
final class AdminCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InstanceApi api;
    private final PrintStream out;

    AdminCommands(InstanceApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    int token(String verb, String argument, Map<String, String> o) throws IOException, InterruptedException {
        return switch (verb) {
            case "create" -> {
                ObjectNode body = JSON.createObjectNode();
                body.put("name", o.getOrDefault("name", "cli-" + Instant.now().getEpochSecond()));
                body.put("role", HermesCli.required(o, "role"));
                HttpResponse<String> r = api.send("POST", "/api/tokens", body.toString());
                if (r.statusCode() != 201) {
                    yield failed(r);
                }
                JsonNode t = JSON.readTree(r.body());
                out.println("token " + t.get("tokenId").asText() + " (" + t.get("name").asText() + ", " + t.get("role").asText() + ")");
                out.println(t.get("token").asText());
                out.println("This is the only time the token is shown: keep it in a secret store.");
                yield 0;
            }
            case "list" -> list("/api/tokens", "tokens", t -> t.get("tokenId").asText() + "  " + pad(t.get("role").asText(), 8)
                    + (t.get("revoked").asBoolean() ? "revoked " : "        ") + t.get("createdAt").asText() + "  " + t.get("name").asText());
            case "revoke" -> done(api.send("DELETE", "/api/tokens/" + enc(argument), null), "revoked token " + argument);
            default -> HermesCli.usage();
        };
    }

    int secrets(String verb, String argument, Map<String, String> o) throws IOException, InterruptedException {
        String project = o.get("project");
        String path = project == null ? "/api/secrets/" : "/api/projects/" + enc(project) + "/secrets/";
        return switch (verb) {
            case "list" -> {
                HttpResponse<String> r = api.send("GET", "/api/secrets", null);
                if (r.statusCode() != 200) {
                    yield failed(r);
                }
                JSON.readTree(r.body()).get("secrets").forEach(s -> out.println(pad(s.get("name").asText(), 28)
                        + (s.get("set").asBoolean() ? "set " + s.get("updatedAt").asText() : "not set")));
                yield 0;
            }
            case "set" -> {
                String value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException("give the secret's value on standard input");
                }
                ObjectNode body = JSON.createObjectNode();
                body.put("value", value);
                yield done(api.send("PUT", path + enc(HermesCli.requiredArgument(argument, "NAME")), body.toString()),
                        "set " + argument + (project == null ? "" : " of project " + project));
            }
            case "unset" -> done(api.send("DELETE", path + enc(HermesCli.requiredArgument(argument, "NAME")), null),
                    "removed " + argument + (project == null ? "" : " of project " + project));
            case "rotate-key" -> {
                HttpResponse<String> r = api.send("POST", "/api/secrets/rotate-key", null);
                yield r.statusCode() == 200 ? print("new values are sealed under " + JSON.readTree(r.body()).get("current").asText()
                        + "; run ./hermes secrets re-encrypt to move the old ones") : failed(r);
            }
            case "re-encrypt" -> {
                HttpResponse<String> r = api.send("POST", "/api/secrets/re-encrypt", null);
                if (r.statusCode() != 200) {
                    yield failed(r);
                }
                JsonNode report = JSON.readTree(r.body());
                out.println(report.get("rewritten").asInt() + " rewritten, " + report.get("current").asInt()
                        + " already under " + report.get("projectKey").asText());
                report.get("unreadable").forEach(u -> out.println("does not decrypt: " + u.asText()));
                yield report.get("unreadable").isEmpty() ? 0 : 1;
            }
            default -> HermesCli.usage();
        };
    }

    private int list(String path, String field, java.util.function.Function<JsonNode, String> line)
            throws IOException, InterruptedException {
        String cursor = null;
        do {
            HttpResponse<String> r = api.send("GET", path + "?limit=100" + (cursor == null ? "" : "&cursor=" + enc(cursor)), null);
            if (r.statusCode() != 200) {
                return failed(r);
            }
            JsonNode page = JSON.readTree(r.body());
            page.get(field).forEach(item -> out.println(line.apply(item)));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return 0;
    }

    private int done(HttpResponse<String> r, String message) {
        return r.statusCode() / 100 == 2 ? print(message) : failed(r);
    }

    private int print(String message) {
        out.println(message);
        return 0;
    }

    private int failed(HttpResponse<String> r) {
        System.err.println(r.statusCode() + " " + r.body());
        return 1;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
