package dev.hermes.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.deadletter.DeadLetterStore;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.state.CommandStatus;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code /ops} over the real intake, tables and queues (no worker runs here, so a redriven command
 * stays QUEUED on {@code -in.fifo} where the test can see it): who gets in, the CSRF token on every
 * form, escaping of what came by email, no secret on the page, and the redrive button.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerKey OPSY = ContainerKey.parse("sample#opsy");
    private static final String HOSTILE = "<script>alert('owned')</script> & \"friends\"";
    private static String deadCommand;
    private static String threadId;

    @BeforeAll
    static void scenario() throws Exception {
        LocalHermes hermes = TestHermes.get();
        hermes.context().getBean(RouteStore.class).putRoute("email:opsy@example.com",
                new Person(new UserId("opsy"), List.of(new ProjectId("sample"))));
        JsonNode accepted = accept("opsy@example.com", HOSTILE, "Do something impossible.");
        deadCommand = accepted.get("commandId").asText();
        threadId = accepted.get("threadId").asText();
        // As a worker that failed it three times leaves it: off -in.fifo, and the row DEAD_LETTERED.
        ContainerQueues queues = hermes.context().getBean(ContainerStore.class).find(OPSY).orElseThrow().queues();
        for (Message m : receiveAll(queues.in())) {
            sqs().deleteMessage(b -> b.queueUrl(queues.in()).receiptHandle(m.receiptHandle()));
        }
        hermes.context().getBean(DeadLetterStore.class).markDeadLettered(new CommandId(deadCommand), System.currentTimeMillis());
    }

    @Test
    @Order(1)
    void withoutATokenOrSessionThePageIsRefused() throws Exception {
        HttpResponse<String> api = TestHermes.send(TestHermes.request("/ops").header("Accept", "application/json").GET());
        assertEquals(401, api.statusCode());
        assertEquals("unauthorized", JSON.readTree(api.body()).get("error").asText());
        assertEquals("Bearer", api.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> browser = TestHermes.send(TestHermes.request("/ops").header("Accept", "text/html").GET());
        assertEquals(303, browser.statusCode(), "local mode sends a browser to the login form");
        assertEquals("/ops/login", browser.headers().firstValue("Location").orElse(""));
        assertEquals(401, TestHermes.send(TestHermes.request("/ops/charts.json").GET()).statusCode());
        assertEquals(401, TestHermes.send(TestHermes.request("/ops").header("Authorization", "Bearer not-the-token-at-all").GET())
                .statusCode());
        assertEquals(303, OpsHttp.form("/ops/containers/sample%23opsy/redrive", null, "csrf=x").statusCode());
        assertEquals(401, TestHermes.send(TestHermes.request("/ops/containers/sample%23opsy/redrive")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=x"))).statusCode());
        HttpResponse<String> wrong = OpsHttp.form("/ops/login", null, "token=not-the-token-at-all");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("That token is not valid."));
        assertTrue(wrong.headers().allValues("Set-Cookie").isEmpty());
        assertEquals(CommandStatus.DEAD_LETTERED, command(deadCommand).status(), "nothing was redriven");
    }

    @Test
    @Order(1)
    void theLoginFormGivesAnHttpOnlyStrictSessionAndLogoutEndsIt() throws Exception {
        assertTrue(TestHermes.send(TestHermes.request("/ops/login").GET()).body().contains("name=\"token\""));
        String cookie = login();
        HttpResponse<String> page = OpsHttp.get("/ops", cookie);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        String csrf = csrf(page.body());

        HttpResponse<String> forged = OpsHttp.form("/ops/logout", cookie, "");
        assertEquals(403, forged.statusCode(), "a logout without the CSRF token is refused");
        HttpResponse<String> out = OpsHttp.form("/ops/logout", cookie, "csrf=" + csrf);
        assertEquals(303, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith(OpsGuard.COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
        assertEquals(303, OpsHttp.get("/ops", cookie).statusCode(), "the session is gone on the server too");
    }

    @Test
    @Order(1)
    void thePageShowsContainersThreadsOutboxAndDeadLettersEscapedAndWithoutSecrets() throws Exception {
        String body = OpsHttp.get("/ops", login()).body();
        assertTrue(body.contains("data-container=\"sample#opsy\""), "the container is listed");
        Matcher row = Pattern.compile("data-container=\"sample#opsy\".*?</tr>", Pattern.DOTALL).matcher(body);
        assertTrue(row.find());
        assertTrue(row.group().contains("<span class=\"count alert\""), row.group());
        assertTrue(row.group().matches("(?s).*>1</span>.*"), "one dead letter: " + row.group());
        assertTrue(body.contains("data-thread=\"" + threadId + "\""), "the thread is listed");
        assertTrue(body.contains("thread-" + threadId));
        assertTrue(body.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"), body);
        assertFalse(body.contains("<script>alert"), "what came by email is never markup");
        assertTrue(body.contains("id=\"outbox\""));
        assertTrue(body.contains("id=\"chart-intake\""));
        for (String secret : new String[]{"apiToken", "mimeSecret", "slackSigningSecret", "chatSecret", "twilioAuthToken"}) {
            String value = TestHermes.get().property(secret);
            if (value != null) {
                assertFalse(body.contains(value), secret + " is on the page");
            }
        }
        String bearerPage = TestHermes.send(TestHermes.api("/ops").header("Accept", "text/html").GET()).body();
        assertTrue(bearerPage.contains("data-container=\"sample#opsy\""), "the bearer token opens it too");
        assertFalse(bearerPage.contains(TestHermes.get().property("apiToken")), "its CSRF token is not the token");
    }

    @Test
    @Order(2)
    void theRedriveButtonNeedsItsCsrfTokenAndPutsTheCommandBackOnTheQueue() throws Exception {
        String cookie = login();
        String page = OpsHttp.get("/ops", cookie).body();
        String csrf = csrf(page);
        String action = "/ops/containers/sample%23opsy/redrive";
        assertTrue(page.contains("action=\"" + action + "\""), "a redrive button for the container");

        assertEquals(403, OpsHttp.form(action, cookie, "").statusCode(), "forged: no CSRF token");
        assertEquals(403, OpsHttp.form(action, cookie, "csrf=" + "0".repeat(64)).statusCode(), "forged: a wrong one");
        assertEquals(403, TestHermes.send(TestHermes.api(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))).statusCode(), "a bearer token needs one as well");
        assertEquals(CommandStatus.DEAD_LETTERED, command(deadCommand).status());

        HttpResponse<String> done = OpsHttp.form(action, cookie, "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        assertEquals(303, done.statusCode(), done.body());
        String location = done.headers().firstValue("Location").orElseThrow();
        assertEquals("/ops?done=redrive&id=sample%23opsy&moved=1#containers", location);
        assertEquals(CommandStatus.QUEUED, command(deadCommand).status());
        ContainerQueues queues = TestHermes.get().context().getBean(ContainerStore.class).find(OPSY).orElseThrow().queues();
        List<Message> back = receiveAll(queues.in());
        MessageCodec codec = TestHermes.get().context().getBean(MessageCodec.class);
        assertEquals(1, back.stream().map(m -> codec.decode(m.body(), CommandMessage.class).commandId().value())
                .filter(deadCommand::equals).count(), "on -in.fifo again, once");
        for (Message m : back) {
            sqs().changeMessageVisibility(b -> b.queueUrl(queues.in()).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        assertTrue(OpsHttp.get(location.substring(0, location.indexOf('#')), cookie).body()
                .contains("Redrive of sample#opsy: 1 command put back on its -in.fifo."));
    }

    @Test
    @Order(1)
    void theChartsAreFedFromTheMeters() throws Exception {
        accept("opsy@example.com", "Charts", "Count me.");
        JsonNode series = JSON.readTree(TestHermes.send(TestHermes.api("/ops/charts.json")).body());
        assertEquals(5000, series.get("intervalMillis").asLong());
        long intake = 0;
        for (JsonNode p : series.get("points")) {
            intake += p.get("intake").asLong();
        }
        assertTrue(intake >= 1, series.toString());
        HttpResponse<String> js = TestHermes.send(TestHermes.request("/ops/static/ops.js").GET());
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, TestHermes.send(TestHermes.request("/ops/static/..%2Fapplication.yml").GET()).statusCode());
    }

    @Test
    @Order(1)
    void recentThreadsAndCommandsAreNewestFirstAndBounded() throws Exception {
        LocalHermes hermes = TestHermes.get();
        hermes.context().getBean(RouteStore.class).putRoute("email:recent@example.com",
                new Person(new UserId("recent"), List.of(new ProjectId("sample"))));
        List<String> threads = new ArrayList<>();
        for (String subject : new String[]{"One", "Two", "Three"}) {
            threads.add(accept("recent@example.com", subject, "Thread " + subject).get("threadId").asText());
        }
        var store = hermes.context().getBean(dev.hermes.orchestrator.thread.ThreadStore.class);
        List<String> newest = store.recent(ContainerKey.parse("sample#recent"), 2).stream()
                .map(t -> t.threadId().value()).toList();
        assertEquals(List.of(threads.get(2), threads.get(1)), newest);
        List<CommandRecord> commands = hermes.context().getBean(CommandStore.class)
                .recentByThread(new dev.hermes.protocol.id.ThreadId(threads.get(0)), 5);
        assertEquals(1, commands.size());
        assertEquals("One", commands.get(0).title());
    }

    private static String login() {
        HttpResponse<String> r = OpsHttp.form("/ops/login", null, "token=" + TestHermes.get().property("apiToken"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/ops", r.headers().firstValue("Location").orElse(""));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertFalse(setCookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), "plain HTTP on loopback: " + setCookie);
        assertTrue(setCookie.contains("Path=/ops"), setCookie);
        assertFalse(setCookie.contains(TestHermes.get().property("apiToken")), "the cookie is not the token");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertTrue(m.find(), "a CSRF field on the page");
        return m.group(1);
    }

    private static JsonNode accept(String from, String subject, String text) throws Exception {
        HttpResponse<String> r = TestHermes.postMime(MimeBuilder.build(from, "hermes@" + LocalHermes.EMAIL_DOMAIN,
                subject, text, null));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static CommandRecord command(String id) {
        return TestHermes.get().context().getBean(CommandStore.class).find(new CommandId(id)).orElseThrow();
    }

    private static SqsClient sqs() {
        return TestHermes.get().context().getBean(SqsClient.class);
    }

    private static List<Message> receiveAll(String url) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(30)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }
}
