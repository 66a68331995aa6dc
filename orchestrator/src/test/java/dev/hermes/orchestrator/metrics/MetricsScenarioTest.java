package dev.hermes.orchestrator.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerReaper;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.inbound.chat.StandardWebhookSignature;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.reply.standin.ChatReceiverStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.message.QueueMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.naming.MeterCatalog;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One scenario through the real orchestrator (webhooks, tables, queues, SMTP) that makes every meter
 * of {@link MeterCatalog} happen: messages accepted, repeated and refused; a worker's part played on
 * its queues and rows exactly as a worker writes them (the lease, RUNNING, its reports and results on
 * {@code -out}); an interrupt, a dead letter, a reply sent and one refused, a failed launch, the
 * reaper taking an expired lease back. Then every meter must be in the registry with its type and
 * tag keys, no tag may carry an id, and {@code GET /api/metrics} must show them.
 */
class MetricsScenarioTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageCodec CODEC = new MessageCodec();
    private static final ContainerKey METER = ContainerKey.parse("sample#meter");
    private static final ContainerKey METER_FAIL = ContainerKey.parse("sample#meterfail");
    private static final Set<String> IDS = new HashSet<>();
    private static ChatReceiverStandIn chatReceiver;
    private static LocalHermes hermes;
    private static MeterRegistry meters;

    @BeforeAll
    static void scenario() throws Exception {
        hermes = TestHermes.get();
        meters = hermes.context().getBean(MeterRegistry.class);
        chatReceiver = new ChatReceiverStandIn();
        IDS.addAll(List.of(METER.value(), METER.containerId(), METER_FAIL.value(), METER_FAIL.containerId()));

        // Intake: an email, its repeat, a chat message, refusals and a signal pointing at another user.
        byte[] mail = MimeBuilder.build("meter@example.com", "hermes@hermes.localhost", "Measure", "Count this", null);
        JsonNode email = accepted(TestHermes.postMime(mail));
        assertEquals("duplicate", JSON.readTree(TestHermes.postMime(mail).body()).get("status").asText());
        ThreadId thread = new ThreadId(email.get("threadId").asText());
        CommandId emailCommand = new CommandId(email.get("commandId").asText());
        JsonNode chat = accepted(postChat("meter", "metrics-conv", "Chat this", chatReceiver.callbackUrl("meter")));
        CommandId chatCommand = new CommandId(chat.get("commandId").asText());
        CommandId deadCommand = new CommandId(accepted(TestHermes.postMime(MimeBuilder.build("meter@example.com",
                "hermes@hermes.localhost", "Doomed", "Never works", null))).get("commandId").asText());
        assertEquals(401, TestHermes.send(TestHermes.request("/webhooks/email/mime")
                .header("Content-Type", "message/rfc822").header("X-Hermes-Secret", "wrong-secret-wrong-secret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mail))).statusCode());
        assertEquals(401, TestHermes.send(HttpRequest.newBuilder(URI.create(hermes.property("twilioUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9v")
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SM1&From=%2B15550100009&Body=hi"))).statusCode());
        // Refusals answered before any handler: the API's token check and the framework's own errors.
        assertEquals(401, TestHermes.send(TestHermes.request("/api/containers").GET()).statusCode());
        assertEquals(404, TestHermes.send(TestHermes.request("/webhooks/no-such-hook")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
        assertEquals(415, TestHermes.send(TestHermes.request("/webhooks/chat/slack").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
        accepted(TestHermes.postMime(MimeBuilder.build("bob@example.com", "hermes+" + thread + "@hermes.localhost",
                "Re: Measure", "Not yours", null)));

        // A launch that fails: the workspace path of meterfail is taken by a file.
        Files.createDirectories(hermes.workDir().resolve("workspaces"));
        Files.writeString(hermes.workDir().resolve("workspaces").resolve(METER_FAIL.containerId()), "in the way");
        accepted(TestHermes.postMime(MimeBuilder.build("meterfail@example.com", "hermes@hermes.localhost", "x", "y",
                null)));

        // The worker's part: it holds the lease and runs the email's command.
        ContainerQueues queues = containers().find(METER).orElseThrow().queues();
        holdLease(emailCommand, thread, System.currentTimeMillis() + 60_000);
        markRunning(emailCommand);
        markRunning(chatCommand);

        // A newer message of the running command's thread: the orchestrator sends an interrupt.
        JsonNode newer = accepted(TestHermes.postMime(MimeBuilder.build("meter@example.com",
                "hermes+" + thread + "@hermes.localhost", "Re: Measure", "Count that instead", null)));
        assertEquals(thread.value(), newer.get("threadId").asText());
        InterruptMessage interrupt = await().atMost(DEADLINE).until(() -> interrupt(queues), i -> i != null);
        CommandRecord newerCommand = commands().find(new CommandId(newer.get("commandId").asText())).orElseThrow();
        assertEquals(Instant.ofEpochMilli(newerCommand.createdAt()), interrupt.acceptedAt(),
                "the interrupt carries when the newer message was accepted, for the worker's latency report");

        // What the worker reports on -out, and its results; a refused chat reply; a dead letter.
        chatReceiver.failNext(1, StandIn.Answer.json(400, "{\"error\":\"no such conversation\"}"));
        Instant now = Instant.now();
        publish(queues, WorkerEventMessage.leaseAcquired(METER, true, now.minusMillis(1500), now));
        publish(queues, WorkerEventMessage.fencingRejected(METER, null, now));
        publish(queues, WorkerEventMessage.interrupt(METER, emailCommand, InterruptOutcome.SUPERSEDED, 420L, now));
        publish(queues, ProgressMessage.of(emailCommand, thread, METER, "started", now).withQueueWait(250L));
        ResultMessage done = ResultMessage.of(emailCommand, thread, METER, CommandStatus.SUPERSEDED, "stopped",
                thread.branch(), null, List.of(), now).withDuration(1200L);
        publish(queues, done);
        publish(queues, done); // a redelivery: applied once, measured once
        publish(queues, ResultMessage.of(chatCommand, new ThreadId(chat.get("threadId").asText()), METER,
                CommandStatus.FAILED, "no", "thread-" + chat.get("threadId").asText(), null, List.of(), now)
                .withDuration(800L));
        CommandRecord dead = commands().find(deadCommand).orElseThrow();
        sqs().sendMessage(b -> b.queueUrl(queues.dlq()).messageGroupId(METER.value())
                .messageDeduplicationId(deadCommand.value()).messageBody(CODEC.encode(CommandMessage.of(deadCommand,
                        dead.threadId(), METER, 1, dead.channel(), dead.title(), dead.instruction(),
                        Instant.ofEpochMilli(dead.createdAt())))));
        await().atMost(DEADLINE).until(() -> count("hermes.commands.dead_lettered") >= 1
                && count("hermes.replies.failed") >= 1 && count("hermes.interrupts") >= 1
                && timerCount("hermes.commands.duration") >= 2);
        assertEquals(1, meters.get("hermes.commands.duration").tag("status", "SUPERSEDED").timer().count(),
                "a repeated result is not measured twice");

        // The reaper's pass: one live lease, then the lease expires and is taken back.
        ContainerReaper reaper = hermes.context().getBean(ContainerReaper.class);
        reaper.sweep();
        assertTrue(meters.get("hermes.containers.live").gauge().value() >= 1);
        holdLease(emailCommand, thread, System.currentTimeMillis() - 1);
        reaper.sweep();
        hermes.context().getBean(PendingCommandsGauge.class).refresh();

        for (JsonNode n : List.of(email, chat, newer)) {
            IDS.add(n.get("threadId").asText());
            IDS.add(n.get("commandId").asText());
        }
        IDS.add(deadCommand.value());
    }

    @AfterAll
    static void stop() {
        chatReceiver.close();
    }

    @Test
    void everyCatalogMeterIsInTheRegistryWithItsTypeAndTagKeys() {
        List<String> problems = new ArrayList<>();
        for (MeterCatalog.Meter spec : MeterCatalog.ALL) {
            List<Meter> found = List.copyOf(meters.find(spec.name()).meters());
            if (found.isEmpty()) {
                problems.add(spec.name() + " was never recorded");
                continue;
            }
            for (Meter meter : found) {
                List<String> keys = meter.getId().getTags().stream().map(Tag::getKey).sorted().toList();
                if (!keys.equals(spec.tags())) {
                    problems.add(spec.name() + " has tags " + keys + ", not " + spec.tags());
                }
                if (!typeOf(meter).equals(spec.kind())) {
                    problems.add(spec.name() + " is a " + meter.getId().getType() + ", not " + spec.kind());
                }
                if (spec.baseUnit() != null && !spec.baseUnit().equals(meter.getId().getBaseUnit())) {
                    problems.add(spec.name() + " has base unit " + meter.getId().getBaseUnit());
                }
            }
            if (spec.kind() != MeterCatalog.Kind.GAUGE && found.stream().noneMatch(MetricsScenarioTest::happened)) {
                problems.add(spec.name() + " is registered but never counted");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void whatTheScenarioRecorded() {
        assertTrue(count("hermes.intake.accepted", "channel", "email") >= 4);
        assertTrue(count("hermes.intake.accepted", "channel", "chat") >= 1);
        assertTrue(count("hermes.intake.duplicates", "channel", "email") >= 1);
        assertTrue(count("hermes.webhooks.signature_failures", "provider", "mime") >= 1);
        assertTrue(count("hermes.webhooks.signature_failures", "provider", "twilio") >= 1);
        assertTrue(count("hermes.requests.rejected", "reason", "bad_secret") >= 1);
        assertTrue(count("hermes.requests.rejected", "reason", "unauthorized") >= 1);
        assertTrue(count("hermes.requests.rejected", "reason", "not_found") >= 1);
        assertTrue(count("hermes.requests.rejected", "reason", "unsupported_media_type") >= 1);
        assertTrue(count("hermes.thread.foreign_signal", "signal", "PLUS_ADDRESS") >= 1);
        assertTrue(count("hermes.interrupts.sent", "kind", "supersede") >= 1);
        assertTrue(count("hermes.containers.launch_failed", "launcher", "process") >= 1);
        assertTrue(count("hermes.lease.takeovers") >= 2, "the worker's report and the reaper's take-back");
        assertTrue(count("hermes.replies.failed", "channel", "chat") >= 1);
        assertTrue(count("hermes.replies.sent", "channel", "email") >= 1);
        assertTrue(count("hermes.commands.dead_lettered", "channel", "email") >= 1);
        Timer latency = meters.get("hermes.interrupts.latency").tag("outcome", "superseded").timer();
        assertTrue(latency.max(java.util.concurrent.TimeUnit.MILLISECONDS) >= 420);
        Timer cold = meters.get("hermes.containers.cold_start").timer();
        assertTrue(cold.max(java.util.concurrent.TimeUnit.MILLISECONDS) >= 1500, "measured from the row's start time");
        assertTrue(meters.get("hermes.commands.oldest_pending_age").gauge().value() > 0,
                "the dead letter's reply, the launch-failed command and the newer one are waiting");
    }

    @Test
    void thePendingIndexHoldsOnlyCommandsThatWait() {
        DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
        String table = new TableNames(TableNames.DEFAULT_PREFIX).commands();
        Set<String> pending = dynamo.queryPaginator(b -> b.tableName(table).indexName(TableNames.COMMANDS_PENDING)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", CommandsTable.PENDING_SHARD))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(CommandsTable.PENDING_SHARD_ALL))))
                .items().stream().map(i -> i.get(CommandsTable.COMMAND_ID).s()).collect(Collectors.toSet());
        for (String id : IDS) {
            if (!CommandId.PATTERN.matcher(id).matches()) {
                continue;
            }
            CommandStatus status = commands().find(new CommandId(id)).orElseThrow().status();
            boolean waits = status == CommandStatus.RECEIVED || status == CommandStatus.QUEUED;
            assertEquals(waits, pending.contains(id), id + " is " + status);
        }
    }

    @Test
    void noTagCarriesAnId() {
        Pattern commandId = CommandId.PATTERN;
        Pattern threadId = ThreadId.PATTERN;
        List<String> problems = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            if (!meter.getId().getName().startsWith("hermes.")) {
                continue;
            }
            for (Tag tag : meter.getId().getTags()) {
                String v = tag.getValue();
                boolean known = IDS.stream().anyMatch(v::contains);
                boolean shaped = commandId.matcher(v).matches() || v.contains("#")
                        || threadId.matcher(v).matches() && !v.equals(v.toUpperCase()) && v.matches(".*[2-7].*");
                if (known || shaped) {
                    problems.add(meter.getId().getName() + " " + tag.getKey() + "=" + v);
                }
            }
        }
        assertFalse(IDS.isEmpty());
        assertEquals(List.of(), problems);
    }

    @Test
    void theOpsEndpointShowsEveryHermesMeter() throws Exception {
        assertEquals(401, TestHermes.send(TestHermes.request("/api/metrics").GET()).statusCode());
        HttpResponse<String> response = TestHermes.send(TestHermes.api("/api/metrics").GET());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(Instant.parse(body.get("timestamp").asText()).isAfter(Instant.now().minusSeconds(60)));
        Set<String> names = new HashSet<>();
        for (JsonNode m : body.get("meters")) {
            names.add(m.get("name").asText());
            assertTrue(m.get("name").asText().startsWith("hermes."), m.toString());
            switch (m.get("type").asText()) {
                case "counter" -> assertTrue(m.get("count").asDouble() > 0, m.toString());
                case "timer" -> {
                    assertEquals("milliseconds", m.get("unit").asText());
                    for (String field : List.of("count", "sum", "max")) {
                        assertTrue(m.get(field).isNumber(), field + " of " + m);
                    }
                }
                case "gauge" -> assertTrue(m.get("value").isNumber(), m.toString());
                case "distribution_summary" -> assertTrue(m.get("count").isNumber(), m.toString());
                default -> throw new AssertionError("unexpected type " + m);
            }
        }
        for (MeterCatalog.Meter spec : MeterCatalog.ALL) {
            assertTrue(names.contains(spec.name()), spec.name() + " missing from " + names);
        }
        JsonNode duration = find(body, "hermes.commands.duration", "status", "SUPERSEDED");
        assertEquals(1, duration.get("count").asInt());
        assertEquals(1200.0, duration.get("sum").asDouble(), 0.001);
        assertEquals("seconds", find(body, "hermes.commands.oldest_pending_age", null, null).get("unit").asText());
    }

    private static JsonNode find(JsonNode body, String name, String tag, String value) {
        for (JsonNode m : body.get("meters")) {
            if (m.get("name").asText().equals(name) && (tag == null || value.equals(m.get("tags").path(tag).asText()))) {
                return m;
            }
        }
        throw new AssertionError(name + " " + tag + "=" + value + " not in the answer");
    }

    private static MeterCatalog.Kind typeOf(Meter meter) {
        if (meter instanceof Counter) {
            return MeterCatalog.Kind.COUNTER;
        }
        if (meter instanceof Timer) {
            return MeterCatalog.Kind.TIMER;
        }
        if (meter instanceof Gauge) {
            return MeterCatalog.Kind.GAUGE;
        }
        if (meter instanceof DistributionSummary) {
            return MeterCatalog.Kind.DISTRIBUTION_SUMMARY;
        }
        throw new AssertionError(meter.getId() + " is a " + meter.getClass());
    }

    private static boolean happened(Meter meter) {
        return meter instanceof Counter c ? c.count() > 0 : meter instanceof Timer t ? t.count() > 0
                : meter instanceof DistributionSummary d && d.count() > 0;
    }

    private static double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long timerCount(String name) {
        return meters.find(name).timers().stream().mapToLong(Timer::count).sum();
    }

    private static JsonNode accepted(HttpResponse<String> response) throws Exception {
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postChat(String user, String conversation, String text, String callback)
            throws Exception {
        String id = "msg_" + System.nanoTime();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] body = JSON.writeValueAsBytes(Map.of("conversationId", conversation, "user", user, "text", text,
                "callbackUrl", callback));
        String secret = hermes.property("chatSecret");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return TestHermes.send(TestHermes.request("/webhooks/chat").header("Content-Type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhookSignature.sign(key, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** As a worker's lease acquisition and RUNNING write leave the container's row. */
    private static void holdLease(CommandId running, ThreadId thread, long expiresAt) {
        hermes.context().getBean(DynamoDbClient.class).updateItem(b -> b
                .tableName(new TableNames(TableNames.DEFAULT_PREFIX).containers())
                .key(Map.of(ContainersTable.CONTAINER_KEY, AttributeValue.fromS(METER.value())))
                .updateExpression("SET #owner = :me, #expires = :exp, #status = :running, #cmd = :cmd, #thread = :t"
                        + " ADD #version :one")
                .expressionAttributeNames(Map.of("#owner", ContainersTable.LEASE_OWNER,
                        "#expires", ContainersTable.LEASE_EXPIRES_AT, "#status", ContainersTable.STATUS,
                        "#cmd", ContainersTable.RUNNING_COMMAND, "#thread", ContainersTable.RUNNING_THREAD,
                        "#version", ContainersTable.LEASE_VERSION))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromS("metrics-test-worker"),
                        ":exp", AttributeValue.fromN(Long.toString(expiresAt)), ":running", AttributeValue.fromS("RUNNING"),
                        ":cmd", AttributeValue.fromS(running.value()), ":t", AttributeValue.fromS(thread.value()),
                        ":one", AttributeValue.fromN("1"))));
    }

    /** As the worker's fenced RUNNING write leaves the command: off the pending index. */
    private static void markRunning(CommandId command) {
        hermes.context().getBean(DynamoDbClient.class).updateItem(b -> b
                .tableName(new TableNames(TableNames.DEFAULT_PREFIX).commands())
                .key(Map.of(CommandsTable.COMMAND_ID, AttributeValue.fromS(command.value())))
                .updateExpression("SET #s = :running REMOVE #shard, #since")
                .expressionAttributeNames(Map.of("#s", CommandsTable.STATUS, "#shard", CommandsTable.PENDING_SHARD,
                        "#since", CommandsTable.PENDING_SINCE))
                .expressionAttributeValues(Map.of(":running", AttributeValue.fromS("RUNNING"))));
    }

    private static void publish(ContainerQueues queues, QueueMessage message) {
        sqs().sendMessage(b -> b.queueUrl(queues.out()).messageBody(CODEC.encode(message)));
    }

    private static InterruptMessage interrupt(ContainerQueues queues) {
        return sqs().receiveMessage(b -> b.queueUrl(queues.ctl()).waitTimeSeconds(1)).messages().stream()
                .map(m -> CODEC.decode(m.body(), InterruptMessage.class)).findFirst().orElse(null);
    }

    private static SqsClient sqs() {
        return hermes.context().getBean(SqsClient.class);
    }

    private static ContainerStore containers() {
        return hermes.context().getBean(ContainerStore.class);
    }

    private static CommandStore commands() {
        return hermes.context().getBean(CommandStore.class);
    }
}
