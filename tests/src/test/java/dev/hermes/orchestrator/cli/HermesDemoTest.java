package dev.hermes.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.tests.OpsMetrics;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hermes demo} against a real local Hermes with worker processes, on the shipped seed file;
 * afterwards {@code GET /api/metrics} counts what the tour did.
 */
class HermesDemoTest {
    @TempDir
    Path root;

    @Test
    void theTourRunsEveryStepAndPrintsTheBranchesItMade() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        try (LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 30))) {
            Properties instance = new Properties();
            try (InputStream in = Files.newInputStream(root.resolve("state/instance.properties"))) {
                instance.load(in);
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int code = new HermesDemo(instance, HttpClient.newHttpClient(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
            String out = printed.toString(StandardCharsets.UTF_8);

            assertEquals(0, code, out);
            Matcher first = Pattern.compile("1\\. .*\\n   command \\w+ on thread (\\w+) via NEW: SUCCEEDED").matcher(out);
            assertTrue(first.find(), out);
            String thread = first.group(1);
            assertTrue(out.contains("on thread " + thread + " via REPLY_HEADER: SUCCEEDED"), "the reply joined it:\n" + out);
            assertTrue(out.contains("on thread " + thread + " via TOKEN: SUCCEEDED"), "the SMS joined it:\n" + out);
            assertTrue(out.contains("SUPERSEDED (its work so far kept as "), out);
            // The first thread's branch: three commits (email, reply, SMS); the slow one: WIP, then final.
            String branch = out.substring(out.indexOf("  sample thread-" + thread));
            assertEquals(3, branch.lines().skip(1).takeWhile(l -> l.startsWith("    ")).count(), out);
            assertTrue(out.contains("WIP: Long job [interrupted]"), out);
            // What an operator reads afterwards on the ops API: intake, command and interrupt meters moved.
            new OpsMetrics(hermes.url(), instance.getProperty("apiToken")).awaitCounts(Map.of(
                    "hermes.intake.accepted channel=email", 5, "hermes.intake.accepted channel=sms", 1,
                    "hermes.commands.duration status=SUCCEEDED", 5, "hermes.commands.duration status=SUPERSEDED", 1,
                    "hermes.interrupts.sent kind=supersede", 1, "hermes.interrupts outcome=superseded", 1,
                    "hermes.interrupts.latency outcome=superseded", 1));
        }
    }
}
