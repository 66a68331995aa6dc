package dev.hermes.orchestrator.local;

import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.RouteStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Hermes on one machine: ElasticMQ, DynamoDB Local and GreenMail in this process on 127.0.0.1,
 * the orchestrator on top, workers as child processes. Writes {@code .hermes/instance.properties}
 * so {@code ./hermes send} finds it.
 */
public final class LocalHermes implements AutoCloseable {
    public static final String EMAIL_DOMAIN = "hermes.localhost";
    /** Hermes's own phone number in local mode: where {@code ./hermes send sms} texts go. */
    public static final String SMS_NUMBER = "+15550100000";
    /** The local Slack bot's user id; its own messages are ignored. */
    public static final String SLACK_BOT_USER = "U0HERMESBOT";
    private final EmbeddedSqs sqs;
    private final EmbeddedDynamoDb dynamo;
    private final EmbeddedMail mail;
    private final ApplicationContext context;
    private final Path workDir;
    private final List<Project> projects;
    private final Properties instance;

    private LocalHermes(EmbeddedSqs sqs, EmbeddedDynamoDb dynamo, EmbeddedMail mail, ApplicationContext context,
                        Path workDir, List<Project> projects, Properties instance) {
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.mail = mail;
        this.context = context;
        this.workDir = workDir;
        this.projects = projects;
        this.instance = instance;
    }

    public static LocalHermes start(LocalOptions options) throws Exception {
        return start(options, Map.of());
    }

    /**
     * As {@link #start(LocalOptions)}, with {@code overrides} applied over the local properties: e.g. the
     * ECS launcher pointed at a local stand-in, a running cap, a faster reaper, or a Twilio or Slack
     * base URL for reply providers, which local mode does not configure (tests and benchmarks).
     */
    public static LocalHermes start(LocalOptions options, Map<String, Object> overrides) throws Exception {
        // No local run may look for real AWS credentials or the EC2 metadata service.
        System.setProperty("aws.disableEc2Metadata", "true");
        Path workDir = options.dataDir() != null ? options.dataDir().toAbsolutePath()
                : options.stateDir().toAbsolutePath().resolve("scratch");
        if (options.dataDir() == null) {
            LocalSeed.deleteTree(workDir);
        }
        Files.createDirectories(workDir);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedSqs sqs = remember(started, EmbeddedSqs.start(options.sqsPort()));
            EmbeddedDynamoDb dynamo = remember(started, EmbeddedDynamoDb.start(options.dynamoDbPort(),
                    options.dataDir() == null ? null : workDir.resolve("dynamodb")));
            EmbeddedMail mail = remember(started, EmbeddedMail.start(options.smtpPort(), options.imapPort()));
            String mimeSecret = randomSecret();
            String apiToken = randomSecret();
            ChannelSecrets channels = ChannelSecrets.generate();
            // Twilio signs the public URL, so the port must be known before the server starts.
            int httpPort = Ports.freeOr(options.httpPort());
            // Built and started by hand rather than through Micronaut.run: that would add a JVM
            // shutdown hook of its own, which deadlocks against ours when both stop the server.
            ApplicationContext context = remember(started, ApplicationContext.builder()
                    .environments("local")
                    .properties(properties(options, httpPort, sqs, dynamo, mail, workDir, mimeSecret, apiToken))
                    .properties(channels.properties("http://127.0.0.1:" + httpPort, SLACK_BOT_USER))
                    .properties(overrides)
                    .banner(false)
                    .start());
            context.getBean(EmbeddedServer.class).start();
            List<Project> projects = LocalSeed.seed(options.seedFile(), workDir.resolve("remotes"),
                    context.getBean(RouteStore.class));
            context.getBean(OutputConsumer.class).watchAll();
            Properties instance = new Properties();
            instance.setProperty("url", "http://127.0.0.1:" + httpPort);
            instance.setProperty("mimeSecret", mimeSecret);
            instance.setProperty("apiToken", apiToken);
            instance.setProperty("emailDomain", EMAIL_DOMAIN);
            instance.setProperty("smsNumber", SMS_NUMBER);
            instance.setProperty("slackBotUser", SLACK_BOT_USER);
            channels.writeTo(instance, "http://127.0.0.1:" + httpPort);
            instance.setProperty("imapPort", Integer.toString(mail.imapPort()));
            instance.setProperty("smtpPort", Integer.toString(mail.smtpPort()));
            instance.setProperty("sqsEndpoint", sqs.endpoint());
            instance.setProperty("dynamodbEndpoint", dynamo.endpoint());
            instance.setProperty("dataDir", workDir.toString());
            LocalHermes hermes = new LocalHermes(sqs, dynamo, mail, context, workDir, projects, instance);
            hermes.writeInstanceFile(options.stateDir().resolve("instance.properties"));
            return hermes;
        } catch (Exception | Error e) {
            // Leave nothing running behind a failed start (a port in use, a bad seed file…).
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    private static Map<String, Object> properties(LocalOptions options, int httpPort, EmbeddedSqs sqs, EmbeddedDynamoDb dynamo,
                                                  EmbeddedMail mail, Path workDir, String mimeSecret, String apiToken) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", httpPort);
        props.put("aws.region", "us-east-1");
        props.put("aws.access-key-id", "hermeslocal");
        props.put("aws.secret-key", "hermeslocal");
        props.put("aws.services.sqs.endpoint-override", sqs.endpoint());
        props.put("aws.services.dynamodb.endpoint-override", dynamo.endpoint());
        props.put("hermes.tables.create", true);
        props.put("hermes.queues.output-wait-seconds", options.outputWaitSeconds());
        props.put("hermes.webhooks.mime-secret", mimeSecret);
        // The first admin token (bootstrap, never stored); more tokens are made with ./hermes token create.
        props.put("hermes.api.token", apiToken);
        // One person and their scripts: a generous per-token rate limit (the default suits a shared deployment).
        props.put("hermes.api.per-minute", 6000);
        props.put("hermes.api.burst", 600);
        // The credential store's master keys: a key file under the data dir, owner-only, made on first start.
        props.put("hermes.secrets.provider", "file");
        props.put("hermes.secrets.key-file", workDir.resolve("secrets").resolve("hermes.keys").toString());
        props.put("hermes.email.domain", EMAIL_DOMAIN);
        props.put("hermes.reply.smtp.host", "127.0.0.1");
        props.put("hermes.reply.smtp.port", mail.smtpPort());
        // Chat replies go to the conversation's callback; locally that is a receiver on this machine.
        props.put("hermes.reply.chat.enabled", true);
        props.put("hermes.reply.chat.allowed-hosts", List.of("127.0.0.1", "::1", "localhost"));
        props.put("hermes.launcher.process.worker-jar", options.workerJar().toAbsolutePath().toString());
        props.put("hermes.launcher.process.workspace-root", workDir.resolve("workspaces").toString());
        props.put("hermes.launcher.process.idle-timeout-seconds", options.idleTimeoutSeconds());
        props.put("hermes.launcher.process.lease-seconds", options.leaseSeconds());
        // The shared inbound-email queue and its DLQ exist locally and are consumed; no S3 runs here, and no
        // SNS topic is allowed, so nothing local ever fetches a certificate from AWS.
        props.put("hermes.inbound.sqs.enabled", true);
        props.put("hermes.inbound.sqs.create", true);
        props.put("hermes.inbound.ses.s3-enabled", false);
        // The ops page: paste the API token once for a session cookie; plain HTTP on loopback, so not Secure.
        props.put("hermes.ops.login-form", true);
        props.put("hermes.ops.secure-cookie", false);
        // Metrics stay in this process (GET /api/metrics): no CloudWatch registry or client, whatever the
        // environment says, and a CloudWatch endpoint that would lead nowhere off this machine anyway.
        props.put("micronaut.metrics.export.cloudwatch.enabled", false);
        props.put("aws.services.monitoring.endpoint-override", "http://127.0.0.1:9");
        return props;
    }

    private void writeInstanceFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            instance.store(out, "Hermes local instance: read by ./hermes send. Holds secrets; owner-only.");
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What {@code ./hermes up} prints: where everything is. Secrets stay in the instance file. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("Hermes is up (local mode). Everything listens on 127.0.0.1 only.\n");
        b.append("  HTTP      ").append(url()).append("   (webhooks, /api with the token in .hermes/instance.properties)\n");
        b.append("  ops page  ").append(url()).append("/ops   (log in with apiToken from .hermes/instance.properties)\n");
        b.append("  IMAP      127.0.0.1:").append(mail.imapPort())
                .append("   log in with your address as user name and password (e.g. alice@example.com)\n");
        b.append("  SMTP      127.0.0.1:").append(mail.smtpPort()).append("   (where Hermes sends replies)\n");
        b.append("  SQS       ").append(sqs.endpoint()).append("   DynamoDB ").append(dynamo.endpoint()).append('\n');
        b.append("  replies   email in GreenMail (IMAP); SMS and Slack replies wait in GET /api/outbox unless a provider is configured\n");
        b.append("  data dir  ").append(workDir).append('\n');
        for (Project p : projects) {
            b.append("  project   ").append(p.id()).append(" -> remote ").append(p.repoUrl())
                    .append(" (").append(p.defaultBranch()).append(")\n");
        }
        b.append("Try:  ./hermes send email --from alice@example.com --subject \"Hello\" --body \"Add a greeting\"\n");
        b.append("      ./hermes send sms --from +15550100001 --body \"#<threadId> Also add a farewell\"\n");
        return b.toString();
    }

    public String url() {
        return instance.getProperty("url");
    }

    public String property(String name) {
        return instance.getProperty(name);
    }

    public ApplicationContext context() {
        return context;
    }

    public int imapPort() {
        return mail.imapPort();
    }

    public Path workDir() {
        return workDir;
    }

    public List<Project> projects() {
        return projects;
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
        } finally {
            mail.close();
            dynamo.close();
            sqs.close();
        }
    }
}
