package dev.hermes.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.ProjectRecord;
import dev.hermes.orchestrator.routing.ProjectStore;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.ProjectId;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The project and route forms of {@code /ops} over the real tables, with login sessions of stored
 * tokens of each role: what each role is shown and may post, that the forms reach the same rules as
 * the API (a refusal shows the page again with the API's reason and writes nothing), and that a
 * secret set through the page is never shown back.
 */
class OpsManageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "page-canary-0b7c2e51f9";

    @Test
    void anOperatorCreatesEditsDeletesAndRestoresAProjectAndManagesRoutes() throws Exception {
        Session op = Session.of("operator");
        String agent = "/bin/true";
        HttpResponse<String> created = op.post("/ops/projects", Map.of("projectId", "pageproj", "repoUrl", "/srv/git/pageproj.git",
                "argv", agent + "\n--flag\n", "env", "MODE=fast\nLEVEL=2", "timeoutSeconds", "90", "preempt", "interrupt"));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/ops?done=project-created&id=pageproj#projects", created.headers().firstValue("Location").orElseThrow());
        ProjectRecord p = project("pageproj").orElseThrow();
        assertEquals(java.util.List.of(agent, "--flag"), p.settings().agentArgv());
        assertEquals(Map.of("MODE", "fast", "LEVEL", "2"), p.settings().agentEnv());
        assertEquals(90, p.settings().agentTimeoutSeconds());
        assertTrue(op.page("/ops?done=project-created&id=pageproj").contains("Project pageproj created."));

        HttpResponse<String> edited = op.post("/ops/projects/pageproj", Map.of("repoUrl", "/srv/git/pageproj.git",
                "defaultBranch", "trunk", "argv", agent, "timeoutSeconds", "120"));
        assertEquals(303, edited.statusCode(), edited.body());
        assertEquals("trunk", project("pageproj").orElseThrow().settings().defaultBranch());
        assertEquals(p.version() + 1, project("pageproj").orElseThrow().version());

        HttpResponse<String> route = op.post("/ops/routes", Map.of("key", "email:Page.User@Example.com", "userId", "pageuser",
                "projects", "pageproj, sample"));
        assertEquals(303, route.statusCode(), route.body());
        Person person = routes().findPerson("email:page.user@example.com").orElseThrow();
        assertEquals(java.util.List.of(new ProjectId("pageproj"), new ProjectId("sample")), person.projects());
        String page = op.page("/ops");
        assertTrue(page.contains("data-route=\"email:page.user@example.com\""), "the route is listed");
        assertTrue(page.contains("data-project=\"pageproj\""));

        assertEquals(303, op.post("/ops/routes/delete", Map.of("key", "email:page.user@example.com")).statusCode());
        assertTrue(routes().findPerson("email:page.user@example.com").isEmpty(), "removed");

        assertEquals(303, op.post("/ops/projects/pageproj/delete", Map.of()).statusCode());
        assertTrue(project("pageproj").orElseThrow().deleted());
        assertTrue(op.page("/ops").matches("(?s).*data-project=\"pageproj\" class=\"deleted\".*/ops/projects/pageproj/restore.*"));
        assertEquals(303, op.post("/ops/projects/pageproj/restore", Map.of()).statusCode());
        assertFalse(project("pageproj").orElseThrow().deleted());
    }

    @Test
    void aRefusedFormShowsTheApiReasonAndWritesNothing() throws Exception {
        Session op = Session.of("operator");
        HttpResponse<String> bad = op.post("/ops/projects", Map.of("projectId", "Not_An_Id", "repoUrl", "/srv/x.git", "argv", "/bin/true"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("<p class=\"notice error\" role=\"alert\">projectId: must be lower case"), bad.body());
        HttpResponse<String> timeout = op.post("/ops/projects", Map.of("projectId", "badtimeout", "repoUrl", "/srv/x.git",
                "argv", "/bin/true", "timeoutSeconds", "soon"));
        assertEquals(400, timeout.statusCode());
        assertTrue(timeout.body().contains("agent.timeoutSeconds: must be a whole number"), timeout.body());
        assertTrue(project("badtimeout").isEmpty(), "nothing half-written");
        HttpResponse<String> unknown = op.post("/ops/routes", Map.of("key", "email:nobody@example.com", "userId", "nobody",
                "projects", "no-such-project"));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("project no-such-project is not configured"), unknown.body());
        assertTrue(routes().findPerson("email:nobody@example.com").isEmpty());
        HttpResponse<String> env = op.post("/ops/projects", Map.of("projectId", "badenv", "repoUrl", "/srv/x.git",
                "argv", "/bin/true", "env", "no equals sign"));
        assertEquals(400, env.statusCode());
        assertTrue(env.body().contains("agent.env: one NAME=value a line"), env.body());
    }

    @Test
    void anAdminReplacesAndClearsSecretsThatThePageNeverShows() throws Exception {
        Session admin = Session.of("admin");
        assertEquals(303, admin.post("/ops/projects", Map.of("projectId", "secretproj", "repoUrl", "https://git.example.com/s.git",
                "argv", "/bin/true")).statusCode());
        String before = admin.page("/ops");
        assertTrue(before.contains("data-secret=\"git.token\"><code>git.token</code> not set"), "git.token: not set");

        HttpResponse<String> set = admin.post("/ops/projects/secretproj/secrets", Map.of("name", "git.token", "value", CANARY,
                "action", "set"));
        assertEquals(303, set.statusCode(), set.body());
        assertTrue(project("secretproj").orElseThrow().secrets().containsKey("git.token"));
        assertEquals(303, admin.post("/ops/projects/secretproj/secrets", Map.of("name", "env.API_KEY", "value", CANARY + "2",
                "action", "set")).statusCode());
        String after = admin.page("/ops");
        assertTrue(after.contains("<code>git.token</code> set"), "shown as set");
        assertTrue(after.contains("<code>env.API_KEY</code> set"));
        assertFalse(after.contains(CANARY), "no stored secret on the page");
        Matcher field = Pattern.compile("<input type=\"password\" name=\"value\"[^>]*>").matcher(after);
        assertTrue(field.find());
        do {
            assertFalse(field.group().contains(" value="), "a secret field is never filled in: " + field.group());
        } while (field.find());

        assertEquals(303, admin.post("/ops/projects/secretproj/secrets", Map.of("name", "env.API_KEY", "action", "clear")).statusCode());
        assertFalse(project("secretproj").orElseThrow().secrets().containsKey("env.API_KEY"), "cleared");
        assertTrue(project("secretproj").orElseThrow().secrets().containsKey("git.token"), "the other is kept");
        HttpResponse<String> empty = admin.post("/ops/projects/secretproj/secrets", Map.of("name", "env.EMPTY", "value", "",
                "action", "set"));
        assertEquals(400, empty.statusCode(), "an empty value is refused, not stored");
        assertFalse(project("secretproj").orElseThrow().secrets().containsKey("env.EMPTY"));
    }

    @Test
    void eachRoleIsShownOnlyWhatItMayDo() throws Exception {
        assertEquals(303, Session.of("admin").post("/ops/projects", Map.of("projectId", "shownproj", "repoUrl", "/srv/shown.git",
                "argv", "/bin/true")).statusCode());
        String viewer = Session.of("viewer").page("/ops");
        assertTrue(viewer.contains("data-project=\"shownproj\""), "a viewer sees the projects");
        for (String form : new String[]{"action=\"/ops/projects\"", "/ops/projects/shownproj/delete", "action=\"/ops/routes\"",
                "class=\"secret-form", "/redrive\""}) {
            assertFalse(viewer.contains(form), "a viewer gets no " + form);
        }
        String operator = Session.of("operator").page("/ops");
        assertTrue(operator.contains("action=\"/ops/projects\"") && operator.contains("action=\"/ops/routes\""));
        assertTrue(operator.contains("/ops/projects/shownproj/delete"));
        assertFalse(operator.contains("class=\"secret-form"), "secrets are an admin's");
        assertTrue(operator.contains("Secrets are set by an admin."));
        assertTrue(Session.of("admin").page("/ops").contains("class=\"secret-form"));

        HttpResponse<String> denied = Session.of("operator").post("/ops/projects/shownproj/secrets",
                Map.of("name", "env.X", "value", CANARY, "action", "set"));
        assertEquals(403, denied.statusCode());
        assertEquals("forbidden", JSON.readTree(denied.body()).get("error").asText());
        assertFalse(project("shownproj").orElseThrow().secrets().containsKey("env.X"));
        HttpResponse<String> forged = Session.of("operator").postWithCsrf("/ops/projects/shownproj/delete", Map.of(), "0".repeat(64));
        assertEquals(403, forged.statusCode(), "a form without its CSRF token is refused");
        assertFalse(project("shownproj").orElseThrow().deleted());
    }

    private static Optional<ProjectRecord> project(String id) {
        return TestHermes.get().context().getBean(ProjectStore.class).find(new ProjectId(id));
    }

    private static RouteStore routes() {
        return TestHermes.get().context().getBean(RouteStore.class);
    }

    /** A login session of a stored token of a role, and its CSRF token. */
    record Session(String cookie, String csrf) {
        private static final Map<String, Session> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

        static Session of(String role) {
            return SESSIONS.computeIfAbsent(role, Session::open);
        }

        private static Session open(String role) {
            HttpResponse<String> token = TestHermes.send(TestHermes.api("/api/tokens").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"page-" + role + "\",\"role\":\"" + role + "\"}")));
            assertEquals(201, token.statusCode(), token.body());
            String value;
            try {
                value = JSON.readTree(token.body()).get("token").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            HttpResponse<String> login = OpsHttp.form("/ops/login", null, "token=" + encode(value));
            assertEquals(303, login.statusCode(), login.body());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String page = OpsHttp.get("/ops", cookie).body();
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page);
            assertTrue(m.find(), "a CSRF token on the page");
            return new Session(cookie, m.group(1));
        }

        String page(String path) {
            HttpResponse<String> r = OpsHttp.get(path, cookie);
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            return postWithCsrf(path, fields, csrf);
        }

        HttpResponse<String> postWithCsrf(String path, Map<String, String> fields, String token) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("csrf", token);
            return OpsHttp.form(path, cookie, all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
