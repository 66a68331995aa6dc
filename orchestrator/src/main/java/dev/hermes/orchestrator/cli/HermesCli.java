package dev.hermes.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.inbound.email.MimeWebhookController;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code ./hermes send email --from … --subject … --body … [--in-reply-to <id>] [--thread <id>]
 * [--to …] [--no-wait]}, {@code ./hermes send sms --from … --body …}, {@code ./hermes send chat
 * --user … --conversation … --text …}, {@code ./hermes thread <id>}, {@code ./hermes command <id>}, and the
 * management commands {@code ./hermes token …} and {@code ./hermes secrets …} ({@link AdminCommands}): talks to
 * a running instance found through {@code .hermes/instance.properties}.
 */
public final class HermesCli {
    private static final Set<String> DONE = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "SUPERSEDED", "INTERRUPTED",
            "DEAD_LETTERED");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Properties instance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HermesCli(Properties instance) {
        this.instance = instance;
    }

    public static int run(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(System.getProperty("hermes.instance", ".hermes/instance.properties"));
        if (!Files.exists(file)) {
            System.err.println("no running Hermes found (" + file + " is missing): start one with ./hermes up");
            return 1;
        }
        Properties instance = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            instance.load(in);
        }
        HermesCli cli = new HermesCli(instance);
        try {
            return switch (args[0]) {
                case "send" -> args.length > 1 ? cli.send(args[1], options(args, 2)) : usage();
                case "thread" -> args.length == 2 ? cli.show("/api/threads/" + args[1]) : usage();
                case "command" -> args.length == 2 ? cli.show("/api/commands/" + args[1]) : usage();
                case "token", "secrets" -> cli.admin(args);
                case "demo" -> args.length == 1 ? new HermesDemo(instance, cli.http, System.out).run() : usage();
                default -> usage();
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return usage();
        } catch (java.net.ConnectException e) {
            System.err.println("cannot reach Hermes at " + instance.getProperty("url") + ": is ./hermes up still running?");
            return 1;
        }
    }

    /** {@code token …} and {@code secrets …}: VERB [ARGUMENT] [--options]. */
    private int admin(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            return usage();
        }
        boolean hasArgument = args.length > 2 && !args[2].startsWith("--");
        String argument = hasArgument ? args[2] : null;
        Map<String, String> o = options(args, hasArgument ? 3 : 2);
        AdminCommands commands = new AdminCommands(new InstanceApi(instance), System.out);
        return args[0].equals("token") ? commands.token(args[1], argument, o) : commands.secrets(args[1], argument, o);
    }

    private int send(String kind, Map<String, String> o) throws IOException, InterruptedException {
        return switch (kind) {
            case "email" -> sendEmail(o);
            case "sms" -> sendSigned(ChannelRequests.sms(instance, required(o, "from"), required(o, "body")), o);
            case "chat" -> sendSigned(ChannelRequests.chat(instance, required(o, "user"),
                    o.getOrDefault("conversation", "local-" + required(o, "user")), required(o, "text")), o);
            default -> usage();
        };
    }

    /** SMS answers TwiML, not JSON: the command id is known in advance and its thread read back. */
    private int sendSigned(ChannelRequests.Signed signed, Map<String, String> o) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(signed.request(), HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode() + " " + response.body());
        if (response.statusCode() >= 300) {
            return 1;
        }
        String commandId = signed.commandId().value();
        JsonNode command = JSON.readTree(get("/api/commands/" + commandId).body());
        if (o.containsKey("no-wait")) {
            System.out.println("command " + commandId + " on thread " + command.path("threadId").asText());
            return 0;
        }
        return waitFor(commandId, command.path("threadId").asText(),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("wait", "180"))));
    }

    private int sendEmail(Map<String, String> o) throws IOException, InterruptedException {
        String from = required(o, "from");
        String domain = instance.getProperty("emailDomain");
        String to = o.getOrDefault("to", o.containsKey("thread") ? "hermes+" + o.get("thread") + "@" + domain
                : "hermes@" + domain);
        byte[] mime = MimeBuilder.build(from, to, o.getOrDefault("subject", ""), required(o, "body"),
                o.get("in-reply-to"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.getProperty("url") + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822")
                .header(MimeWebhookController.SECRET_HEADER, instance.getProperty("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode() + " " + response.body());
        if (response.statusCode() >= 300) {
            return 1;
        }
        JsonNode accepted = JSON.readTree(response.body());
        if (o.containsKey("no-wait")) {
            return 0;
        }
        return waitFor(accepted.get("commandId").asText(), accepted.get("threadId").asText(),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("wait", "180"))));
    }

    private int waitFor(String commandId, String threadId, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        System.out.println("waiting for command " + commandId + " on thread " + threadId + " …");
        long pause = 200;
        while (Instant.now().isBefore(deadline)) {
            JsonNode command = JSON.readTree(get("/api/commands/" + commandId).body());
            String status = command.path("status").asText();
            if (DONE.contains(status)) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(command));
                System.out.println("See the whole thread: ./hermes thread " + threadId);
                return "SUCCEEDED".equals(status) ? 0 : 1;
            }
            Thread.sleep(pause); // a client polling a remote status, not a test
            pause = Math.min(2000, pause * 2);
        }
        System.out.println("still running after " + limit.toSeconds() + " s: ./hermes command " + commandId);
        return 1;
    }

    private int show(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        JsonNode body = JSON.readTree(response.body());
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        return response.statusCode() == 200 ? 0 : 1;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.getProperty("url") + path))
                .header("Authorization", "Bearer " + instance.getProperty("apiToken")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> o = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("no-wait")) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value after --" + name);
            }
        }
        return o;
    }

    static String requiredArgument(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static int usage() {
        System.err.println("""
                usage:
                  ./hermes send email --from ADDRESS --body TEXT [--subject TEXT] [--in-reply-to MESSAGE-ID]
                                      [--thread THREAD-ID] [--to ADDRESS] [--no-wait] [--wait SECONDS]
                  ./hermes send sms --from +E164 --body TEXT [--no-wait]     (#THREAD-ID in the text joins a thread;
                                                                              #new starts one)
                  ./hermes send chat --user NAME --text TEXT [--conversation ID] [--no-wait]
                  ./hermes thread THREAD-ID
                  ./hermes command COMMAND-ID
                  ./hermes token create --role viewer|operator|admin [--name NAME]   (the token is printed once)
                  ./hermes token list | ./hermes token revoke TOKEN-ID
                  ./hermes secrets list
                  ./hermes secrets set NAME [--project ID] < value     (e.g. reply.slack.botToken, git.token, env.API_KEY)
                  ./hermes secrets unset NAME [--project ID]
                  ./hermes secrets rotate-key | ./hermes secrets re-encrypt
                  ./hermes demo                      (a scripted tour of the running instance)""");
        return 2;
    }

    static byte[] bytes(jakarta.mail.internet.MimeMessage message) throws IOException, jakarta.mail.MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
