package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /api/projects}: the management of projects, their safe views, validation and soft deletion. */
class ProjectsApiTest {
    private static final String CANARY = "canary-project-secret-c0ffee42";

    static HttpResponse<String> send(Role role, String method, String path, String body) {
        HttpRequest.Builder b = TestTokens.as(role, path);
        return TestHermes.send(body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static String project(String id, String extra) {
        return "{\"projectId\":\"" + id + "\",\"repoUrl\":\"https://git.example.com/" + id + ".git\",\"defaultBranch\":\"main\","
                + "\"agent\":{\"argv\":[\"/bin/true\"],\"env\":{\"MODE\":\"test\"},\"timeoutSeconds\":600,\"preempt\":\"interrupt\"}"
                + extra + "}";
    }

    @Test
    void aProjectIsCreatedReadUpdatedAndListedAsASafeView() {
        HttpResponse<String> created = send(Role.OPERATOR, "POST", "/api/projects", project("alpha", ",\"git\":{\"username\":\"bot\"}"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode view = TestTokens.read(created.body());
        assertEquals("alpha", view.get("projectId").asText());
        assertEquals("bot", view.at("/git/username").asText());
        assertEquals(600, view.at("/agent/timeoutSeconds").asInt());
        assertEquals("interrupt", view.at("/agent/preempt").asText());
        assertEquals(1, view.get("version").asLong());
        assertFalse(view.get("deleted").asBoolean());

        assertEquals(409, send(Role.OPERATOR, "POST", "/api/projects", project("alpha", "")).statusCode());

        HttpResponse<String> updated = send(Role.OPERATOR, "PUT", "/api/projects/alpha",
                project("alpha", "").replace("\"timeoutSeconds\":600", "\"timeoutSeconds\":900"));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(900, TestTokens.read(updated.body()).at("/agent/timeoutSeconds").asInt());
        assertEquals(2, TestTokens.read(updated.body()).get("version").asLong());
        assertTrue(TestTokens.read(updated.body()).at("/git/username").isNull(), "a PUT replaces the settings");

        HttpResponse<String> read = send(Role.VIEWER, "GET", "/api/projects/alpha", null);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(listAll(Role.VIEWER, "").contains("alpha"));
    }

    @Test
    void secretsNeedAnAdminAndShowOnlyThatTheyAreSet() {
        String withSecrets = project("beta", ",\"secrets\":{\"git.token\":\"" + CANARY + "\",\"env.API_KEY\":\"" + CANARY + "-2\"}");
        HttpResponse<String> refused = send(Role.OPERATOR, "POST", "/api/projects", withSecrets);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("secrets", TestTokens.read(refused.body()).get("field").asText());
        assertEquals(404, send(Role.VIEWER, "GET", "/api/projects/beta", null).statusCode(), "nothing was written");

        HttpResponse<String> created = send(Role.ADMIN, "POST", "/api/projects", withSecrets);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains(CANARY), created.body());
        JsonNode secrets = TestTokens.read(created.body()).get("secrets");
        assertTrue(secrets.at("/git.token/set").asBoolean(), secrets.toString());
        assertTrue(secrets.at("/env.API_KEY/updatedAt").isTextual(), secrets.toString());

        HttpResponse<String> put = send(Role.ADMIN, "PUT", "/api/projects/beta/secrets/env.OTHER", "{\"value\":\"" + CANARY + "-3\"}");
        assertEquals(200, put.statusCode(), put.body());
        assertFalse(put.body().contains(CANARY));
        assertEquals(Set.of("git.token", "env.API_KEY", "env.OTHER"), names(TestTokens.read(put.body()).get("secrets")));
        assertEquals(403, send(Role.OPERATOR, "PUT", "/api/projects/beta/secrets/env.OTHER", "{\"value\":\"x\"}").statusCode());
        assertEquals(204, send(Role.ADMIN, "DELETE", "/api/projects/beta/secrets/env.OTHER", null).statusCode());
        assertEquals(404, send(Role.ADMIN, "DELETE", "/api/projects/beta/secrets/env.OTHER", null).statusCode());

        // An update without secrets keeps them; the view never shows a value.
        HttpResponse<String> updated = send(Role.OPERATOR, "PUT", "/api/projects/beta", project("beta", ""));
        assertEquals(Set.of("git.token", "env.API_KEY"), names(TestTokens.read(updated.body()).get("secrets")));
        for (String path : List.of("/api/projects/beta", "/api/projects?limit=100")) {
            assertFalse(send(Role.VIEWER, "GET", path, null).body().contains(CANARY));
        }
    }

    @Test
    void badInputNamesTheField() {
        record Case(String body, String field) {
        }
        List<Case> cases = List.of(
                new Case(project("Bad_Id", ""), "projectId"),
                new Case("{\"projectId\":\"gamma\",\"repoUrl\":\"https://x/y.git\"}", "agent"),
                new Case(project("gamma", "").replace("\"timeoutSeconds\":600", "\"timeoutSeconds\":0"), "agent.timeoutSeconds"),
                new Case(project("gamma", "").replace("[\"/bin/true\"]", "[]"), "agent.argv"),
                new Case(project("gamma", "").replace("\"interrupt\"", "\"pause\""), "agent.preempt"),
                new Case(project("gamma", "").replace("\"MODE\"", "\"HERMES_MODE\""), "agent.env.HERMES_MODE"),
                new Case(project("gamma", "").replace("https://git.example.com/", "https://user:" + CANARY + "@git.example.com/"), "repoUrl"),
                new Case(project("gamma", "").replace("https://git.example.com/gamma.git", "ftp://x/y"), "repoUrl"),
                new Case(project("gamma", ",\"colour\":\"blue\""), "colour"),
                new Case(project("gamma", ",\"secrets\":{\"password\":\"" + CANARY + "\"}"), "secrets.password"),
                new Case(project("gamma", ",\"secrets\":{\"env.MODE\":\"" + CANARY + "\"}"), "secrets.env.MODE"),
                new Case(project("gamma", ",\"secrets\":{\"git.token\":\"" + CANARY + "\"}")
                        .replace("https://git.example.com/gamma.git", "git@git.example.com:gamma.git"), "secrets.git.token"),
                new Case(project("gamma", ",\"git\":{\"username\":\"a b\"}"), "git.username"));
        for (Case c : cases) {
            HttpResponse<String> r = send(Role.ADMIN, "POST", "/api/projects", c.body());
            assertEquals(400, r.statusCode(), c.field() + ": " + r.body());
            JsonNode error = TestTokens.read(r.body());
            assertEquals(c.field(), error.get("field").asText(), r.body());
            assertTrue(error.get("message").asText().startsWith(c.field() + ": "), r.body());
            assertFalse(r.body().contains(CANARY), "a message never repeats a value: " + r.body());
        }
        HttpResponse<String> broken = send(Role.ADMIN, "POST", "/api/projects", "{\"secrets\":{\"git.token\":\"" + CANARY + "\"");
        assertEquals(400, broken.statusCode());
        assertEquals("invalid_json", TestTokens.read(broken.body()).get("error").asText());
        assertFalse(broken.body().contains(CANARY), broken.body());
        assertEquals(404, send(Role.VIEWER, "GET", "/api/projects/gamma", null).statusCode(), "nothing half-written");
    }

    @Test
    void aSoftDeletedProjectStopsRoutingStaysListableAndComesBack() {
        assertEquals(201, send(Role.OPERATOR, "POST", "/api/projects", project("delta", "")).statusCode());
        assertEquals(201, send(Role.OPERATOR, "POST", "/api/routes",
                "{\"key\":\"email:dora@example.com\",\"userId\":\"dora\",\"projects\":[\"delta\"]}").statusCode());
        assertEquals(202, mail("Before").statusCode());

        assertEquals(204, send(Role.OPERATOR, "DELETE", "/api/projects/delta", null).statusCode());
        HttpResponse<String> refused = mail("While deleted");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("project_deleted", TestTokens.read(refused.body()).get("error").asText());
        assertEquals(404, send(Role.VIEWER, "GET", "/api/projects/delta", null).statusCode());
        assertEquals(404, send(Role.OPERATOR, "DELETE", "/api/projects/delta", null).statusCode());
        assertFalse(listAll(Role.VIEWER, "").contains("delta"), "hidden");
        assertTrue(listAll(Role.VIEWER, "&deleted=true").contains("delta"), "kept");
        HttpResponse<String> kept = send(Role.VIEWER, "GET", "/api/projects/delta?deleted=true", null);
        assertTrue(TestTokens.read(kept.body()).get("deleted").asBoolean());
        assertTrue(TestTokens.read(kept.body()).get("deletedAt").isTextual());
        HttpResponse<String> route = send(Role.OPERATOR, "POST", "/api/routes",
                "{\"key\":\"email:dora2@example.com\",\"userId\":\"dora\",\"projects\":[\"delta\"]}");
        assertEquals(422, route.statusCode());
        assertEquals("projects[0]", TestTokens.read(route.body()).get("field").asText());
        assertEquals(409, send(Role.OPERATOR, "POST", "/api/projects", project("delta", "")).statusCode());
        assertEquals(404, send(Role.OPERATOR, "PUT", "/api/projects/delta", project("delta", "")).statusCode());

        HttpResponse<String> restored = send(Role.OPERATOR, "POST", "/api/projects/delta/restore", null);
        assertEquals(200, restored.statusCode(), restored.body());
        assertFalse(TestTokens.read(restored.body()).get("deleted").asBoolean());
        assertEquals(409, send(Role.OPERATOR, "POST", "/api/projects/delta/restore", null).statusCode());
        assertEquals(202, mail("After").statusCode(), "routing again");
    }

    @Test
    void listsArePagedWithACursor() {
        for (String id : List.of("page-a", "page-b", "page-c")) {
            send(Role.OPERATOR, "POST", "/api/projects", project(id, ""));
        }
        List<String> all = listPaged(2);
        assertTrue(all.containsAll(List.of("page-a", "page-b", "page-c")), all.toString());
        assertEquals(all.size(), new HashSet<>(all).size(), "no project twice: " + all);
        assertEquals("limit", TestTokens.read(send(Role.VIEWER, "GET", "/api/projects?limit=101", null).body()).get("field").asText());
        assertEquals(400, send(Role.VIEWER, "GET", "/api/projects?cursor=%25%25", null).statusCode());
    }

    private static List<String> listPaged(int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> r = send(Role.VIEWER, "GET", "/api/projects?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = TestTokens.read(r.body());
            assertTrue(page.get("projects").size() <= limit);
            page.get("projects").forEach(p -> ids.add(p.get("projectId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private static List<String> listAll(Role role, String query) {
        HttpResponse<String> r = send(role, "GET", "/api/projects?limit=100" + query, null);
        List<String> ids = new ArrayList<>();
        TestTokens.read(r.body()).get("projects").forEach(p -> ids.add(p.get("projectId").asText()));
        return ids;
    }

    private static Set<String> names(JsonNode secrets) {
        Set<String> names = new HashSet<>();
        secrets.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static HttpResponse<String> mail(String subject) {
        return TestHermes.postMime(MimeBuilder.build("dora@example.com", "hermes@" + LocalHermes.EMAIL_DOMAIN, subject,
                "Please do " + subject + " " + System.nanoTime(), null));
    }
}
