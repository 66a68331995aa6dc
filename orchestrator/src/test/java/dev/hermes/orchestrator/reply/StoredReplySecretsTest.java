package dev.hermes.orchestrator.reply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.reply.standin.SlackStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The reply senders' secrets from the credential store: the Slack bot token is not configured, an
 * admin sets it through {@code PUT /api/secrets/reply.slack.botToken}, the waiting reply then goes out
 * with it; the API and the tables never show it.
 */
class StoredReplySecretsTest {
    private static ReplyHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ReplyHarness.start();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("hermes.reply.slack.bot-token", null);
        overrides.put("hermes.reply.slack.max-attempts", 100);
        overrides.put("hermes.secrets.provider", "file");
        overrides.put("hermes.secrets.key-file", Files.createTempDirectory("reply-keys").resolve("hermes.keys").toString());
        harness.startContext(overrides);
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aSlackReplyWaitsForItsTokenAndGoesOutWithTheStoredOne() throws Exception {
        CommandRecord c = harness.command(Channel.SLACK, new ReplyRoute("C0DEV", "1700000009.000200", List.of(), "Docs",
                Map.of("team", "T0HERMES", "channel", "C0DEV", "thread_ts", "1700000009.000100")));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));
        OutboxStore outbox = harness.bean(OutboxStore.class);
        String replyId = ReplyService.replyIdFor(c);
        await().atMost(ProviderRepliesTest.DEADLINE).until(() -> outbox.find(replyId).map(OutboxEntry::lastError).orElse(null),
                e -> e != null && e.contains("reply.slack.botToken"));
        assertTrue(harness.slack.received().isEmpty(), "nothing sent without a token");

        HttpResponse<String> bad = put("{\"value\":\"not-a-slack-token\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertFalse(bad.body().contains("not-a-slack-token"));
        HttpResponse<String> set = put("{\"value\":\"" + SlackStandIn.BOT_TOKEN + "\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertFalse(set.body().contains(SlackStandIn.BOT_TOKEN));

        StandIn.Request request = await().atMost(ProviderRepliesTest.DEADLINE).until(harness.slack::received, r -> !r.isEmpty()).get(0);
        assertEquals("Bearer " + SlackStandIn.BOT_TOKEN, request.header("Authorization"));
        await().atMost(ProviderRepliesTest.DEADLINE).until(() -> outbox.find(replyId).orElseThrow().status() == ReplyStatus.SENT);

        String list = get("/api/secrets").body();
        assertTrue(list.contains("\"name\":\"reply.slack.botToken\",\"set\":true"), list);
        assertFalse(list.contains(SlackStandIn.BOT_TOKEN));
        assertFalse(get("/api/outbox?limit=100").body().contains(SlackStandIn.BOT_TOKEN));
        DynamoDbClient dynamo = harness.bean(DynamoDbClient.class);
        String table = harness.bean(TablesConfig.class).names().routes();
        assertFalse(dynamo.scan(b -> b.tableName(table)).items().toString().contains(SlackStandIn.BOT_TOKEN));
        assertEquals(404, send("DELETE", "/api/secrets/reply.nope", null).statusCode());
        assertEquals(204, send("DELETE", "/api/secrets/reply.slack.botToken", null).statusCode());
    }

    private static HttpResponse<String> put(String body) {
        return send("PUT", "/api/secrets/reply.slack.botToken", body);
    }

    private static HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(harness.url() + path))
                    .header("Authorization", "Bearer " + ReplyHarness.API_TOKEN);
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
