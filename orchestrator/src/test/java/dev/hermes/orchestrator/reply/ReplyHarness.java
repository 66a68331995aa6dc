package dev.hermes.orchestrator.reply;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.local.LocalBackends;
import dev.hermes.orchestrator.reply.standin.ChatReceiverStandIn;
import dev.hermes.orchestrator.reply.standin.SesStandIn;
import dev.hermes.orchestrator.reply.standin.SlackStandIn;
import dev.hermes.orchestrator.reply.standin.TwilioStandIn;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orchestrator on real ElasticMQ and DynamoDB Local, with GreenMail for SMTP/IMAP and the
 * stand-ins for Twilio, Slack, SES and a chat receiver, all on 127.0.0.1. A context can be closed
 * and started again on the same tables (a restart). Short backoffs keep retries quick.
 */
public final class ReplyHarness implements AutoCloseable {
    public static final String CHAT_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("reply-harness-chat-signing-key-32b".getBytes());
    public static final String API_TOKEN = "reply-harness-api-token-0123";
    public final LocalBackends backends;
    public final GreenMail mail;
    public final TwilioStandIn twilio = new TwilioStandIn();
    public final SlackStandIn slack = new SlackStandIn();
    public final SesStandIn ses = new SesStandIn();
    public final ChatReceiverStandIn chat = new ChatReceiverStandIn();
    private ApplicationContext context;

    private ReplyHarness(LocalBackends backends, GreenMail mail) {
        this.backends = backends;
        this.mail = mail;
    }

    public static ReplyHarness start() throws Exception {
        LocalBackends backends = LocalBackends.start();
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        return new ReplyHarness(backends, mail);
    }

    /** Every provider configured; {@code overrides} last (a null value removes the key). */
    public Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("micronaut.server.port", -1);
        p.put("aws.region", "us-east-1");
        p.put("aws.access-key-id", "hermeslocal");
        p.put("aws.secret-key", "hermeslocal");
        p.put("aws.services.sqs.endpoint-override", backends.sqsEndpoint());
        p.put("aws.services.dynamodb.endpoint-override", backends.dynamoDbEndpoint());
        p.put("aws.services.email.endpoint-override", ses.baseUrl());
        p.put("hermes.tables.create", true);
        p.put("hermes.webhooks.mime-secret", "reply-harness-mime-secret-0123");
        p.put("hermes.api.token", API_TOKEN);
        p.put("hermes.reply.poll-interval", "200ms");
        p.put("hermes.reply.claim-timeout", "30s");
        p.put("hermes.reply.smtp.host", "127.0.0.1");
        p.put("hermes.reply.smtp.port", mail.getSmtp().getPort());
        p.put("hermes.reply.twilio.base-url", twilio.baseUrl());
        p.put("hermes.reply.twilio.account-sid", TwilioStandIn.ACCOUNT_SID);
        p.put("hermes.reply.twilio.auth-token", TwilioStandIn.AUTH_TOKEN);
        p.put("hermes.reply.slack.base-url", slack.baseUrl());
        p.put("hermes.reply.slack.bot-token", SlackStandIn.BOT_TOKEN);
        p.put("hermes.reply.chat.enabled", true);
        p.put("hermes.reply.chat.secret", CHAT_SECRET);
        p.put("hermes.reply.chat.allowed-hosts", List.of("127.0.0.1"));
        for (String provider : List.of("smtp", "ses", "twilio", "slack", "chat")) {
            p.put("hermes.reply." + provider + ".backoff", "300ms");
            p.put("hermes.reply." + provider + ".max-backoff", "1s");
            p.put("hermes.reply." + provider + ".max-attempts", 3);
        }
        // A null value removes a key: e.g. no base URL, so no sender for that channel.
        overrides.forEach((k, v) -> {
            if (v == null) {
                p.remove(k);
            } else {
                p.put(k, v);
            }
        });
        return p;
    }

    /** Starts the orchestrator (closing a running one first: a restart on the same tables). */
    public ApplicationContext startContext(Map<String, Object> overrides) {
        stopContext();
        context = ApplicationContext.builder().properties(properties(overrides)).banner(false).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    public void stopContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String url() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** A recorded command of the channel, answering {@code route}; its thread id is fresh. */
    public CommandRecord command(Channel channel, ReplyRoute route) {
        String event = UUID.randomUUID().toString();
        ThreadId thread = new ThreadId(randomThreadId());
        CommandRecord c = CommandRecord.received(CommandId.of(channel.name().toLowerCase(), event), thread,
                ContainerKey.parse("sample#alice"), channel, "Add a greeting", "Add a greeting to the README.", route,
                ThreadSignal.NEW, List.of(), System.currentTimeMillis());
        bean(CommandStore.class).create(c);
        return c;
    }

    public static ResultMessage succeeded(CommandRecord c) {
        return ResultMessage.of(c.commandId(), c.threadId(), c.containerKey(), CommandStatus.SUCCEEDED,
                "Added a greeting to the README.", c.threadId().branch(), "0123456789abcdef0123456789abcdef01234567",
                List.of("README.md", "docs/greeting.md"), Instant.now());
    }

    private static String randomThreadId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder b = new StringBuilder();
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < ThreadId.LENGTH; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        try {
            stopContext();
        } finally {
            twilio.close();
            slack.close();
            ses.close();
            chat.close();
            mail.stop();
            backends.close();
        }
    }
}
