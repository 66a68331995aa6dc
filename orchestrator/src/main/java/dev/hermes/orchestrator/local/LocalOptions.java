package dev.hermes.orchestrator.local;

import java.nio.file.Path;

/**
 * Options of {@code ./hermes up}. A port of 0 means "any free port"; {@code stateDir} holds the
 * instance file that {@code ./hermes send} reads; {@code dataDir} null keeps
 * tables in memory and the git remote and workspaces in a scratch folder.
 */
public record LocalOptions(int httpPort, int sqsPort, int dynamoDbPort, int smtpPort, int imapPort, Path dataDir,
                           Path seedFile, Path workerJar, Path stateDir, int idleTimeoutSeconds, int leaseSeconds,
                           int outputWaitSeconds) {

    public static LocalOptions defaults() {
        return new LocalOptions(8080, 0, 0, 3025, 3143, null, Path.of("examples/local.yml"),
                Path.of("worker/target/hermes-worker.jar"), Path.of(".hermes"), 120, 20, 20);
    }

    public static LocalOptions parse(String[] args) {
        LocalOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String v = args[++i];
            o = switch (name) {
                case "--port" -> o.with(Integer.parseInt(v), o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort, o.dataDir);
                case "--sqs-port" -> o.with(o.httpPort, Integer.parseInt(v), o.dynamoDbPort, o.smtpPort, o.imapPort, o.dataDir);
                case "--dynamodb-port" -> o.with(o.httpPort, o.sqsPort, Integer.parseInt(v), o.smtpPort, o.imapPort, o.dataDir);
                case "--smtp-port" -> o.with(o.httpPort, o.sqsPort, o.dynamoDbPort, Integer.parseInt(v), o.imapPort, o.dataDir);
                case "--imap-port" -> o.with(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, Integer.parseInt(v), o.dataDir);
                case "--data-dir" -> o.with(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort, Path.of(v));
                case "--config" -> new LocalOptions(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort,
                        o.dataDir, Path.of(v), o.workerJar, o.stateDir, o.idleTimeoutSeconds, o.leaseSeconds, o.outputWaitSeconds);
                case "--worker-jar" -> new LocalOptions(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort,
                        o.dataDir, o.seedFile, Path.of(v), o.stateDir, o.idleTimeoutSeconds, o.leaseSeconds, o.outputWaitSeconds);
                case "--state-dir" -> new LocalOptions(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort,
                        o.dataDir, o.seedFile, o.workerJar, Path.of(v), o.idleTimeoutSeconds, o.leaseSeconds, o.outputWaitSeconds);
                case "--idle-timeout" -> new LocalOptions(o.httpPort, o.sqsPort, o.dynamoDbPort, o.smtpPort, o.imapPort,
                        o.dataDir, o.seedFile, o.workerJar, o.stateDir, Integer.parseInt(v), o.leaseSeconds, o.outputWaitSeconds);
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --port --sqs-port --dynamodb-port --smtp-port --imap-port --data-dir --config"
                        + " --worker-jar --state-dir --idle-timeout)");
            };
        }
        return o;
    }

    private LocalOptions with(int http, int sqs, int dynamo, int smtp, int imap, Path data) {
        return new LocalOptions(http, sqs, dynamo, smtp, imap, data, seedFile, workerJar, stateDir, idleTimeoutSeconds,
                leaseSeconds, outputWaitSeconds);
    }

    /** For tests: everything on free ports, short timeouts, state under {@code root}. */
    public static LocalOptions forTests(Path root, Path seedFile, Path workerJar, int idleTimeoutSeconds) {
        return new LocalOptions(-1, 0, 0, 0, 0, null, seedFile, workerJar, root.resolve("state"), idleTimeoutSeconds,
                5, 1);
    }
}
