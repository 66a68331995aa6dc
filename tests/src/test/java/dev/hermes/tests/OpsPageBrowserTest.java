package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ops page in a real browser (headless Chromium) over a real local Hermes with worker processes:
 * after an email that succeeds, an interrupt (a newer message superseding a running one) and a
 * command that is dead-lettered, the page shows the containers, threads, outbox and dead letters;
 * the charts are drawn from the meters and follow new messages without a reload; the redrive button
 * puts the dead-lettered command back on its queue, where it now succeeds. The screenshot is
 * {@code tests/target/ops-page.png}.
 */
class OpsPageBrowserTest {
    private static final String ALICE = "alice@example.com";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Map<String, String> TIMINGS = Map.of(
            "hermes.launcher.process.visibility-timeout-seconds", "4",
            "hermes.launcher.process.retry-backoff-seconds", "1",
            "hermes.launcher.process.stop-grace-millis", "1000");
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static HermesClient client;
    private static ChromeDriver browser;
    private static Path release;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled();
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        release = root.resolve("released");
        Path seed = root.resolve("ops.yml");
        Files.writeString(seed, """
                people:
                  - user: alice
                    email: [alice@example.com]
                    projects: [sample, slow, flaky]
                projects:
                  - id: sample
                    agent: {argv: [%s], timeoutSeconds: 120}
                  - id: slow
                    agent: {argv: [%s], env: {SLOW_AGENT_STEP_SECONDS: "0.2"}, timeoutSeconds: 120}
                  - id: flaky
                    agent: {argv: [%s], env: {OPS_RELEASE_FILE: "%s"}, timeoutSeconds: 60}
                """.formatted(repo.resolve("examples/agents/record-instruction.sh"),
                repo.resolve("examples/agents/slow-agent.sh"),
                repo.resolve("tests/src/test/resources/ops/agents/fails-until-released.sh"), release));
        TIMINGS.forEach(System::setProperty);
        hermes = LocalHermes.start(LocalOptions.forTests(root.resolve("hermes"), seed,
                repo.resolve("worker/target/hermes-worker.jar"), 3));
        client = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        browser = Browser.start(root.resolve("chromium-profile"), Path.of("target", "chromedriver.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        TIMINGS.keySet().forEach(System::clearProperty);
        if (browser != null) {
            browser.quit();
        }
        if (hermes != null) {
            hermes.close();
        }
    }

    @Test
    void theOpsPageShowsTheScenarioDrawsItsChartsAndRedrivesADeadLetter() throws Exception {
        // The scenario: a command that succeeds, one superseded by a newer message, one dead-lettered.
        String poison = post("flaky", "Impossible for now", "Do the impossible.", null).get("commandId").asText();
        JsonNode sample = post("sample", "Greeting", "Add a friendly greeting.", null);
        JsonNode longJob = post("slow", "Long job", "steps: 1000", null);
        String slowThread = longJob.get("threadId").asText();
        awaitStep(slowThread, longJob.get("commandId").asText());
        JsonNode newer = post("slow", "Re: Long job", "steps: 2", slowThread);
        assertEquals("SUPERSEDED", awaitStatus(longJob.get("commandId").asText(), "SUPERSEDED").get("status").asText());
        JsonNode newerDone = awaitStatus(newer.get("commandId").asText(), "SUCCEEDED");
        JsonNode sampleDone = awaitStatus(sample.get("commandId").asText(), "SUCCEEDED");
        JsonNode dead = awaitStatus(poison, "DEAD_LETTERED");
        await().atMost(DEADLINE).until(() -> client.command(poison).hasNonNull("replyId"));
        String sampleReply = "r-" + sample.get("commandId").asText();
        await().atMost(DEADLINE).until(() -> client.get("/api/outbox?status=SENT&limit=100").body().toString()
                .contains("\"" + sampleReply + "\""));

        // Opening the page asks for the token once; the session cookie is HttpOnly and SameSite=Strict.
        browser.get(hermes.url() + "/ops");
        assertTrue(browser.getCurrentUrl().endsWith("/ops/login"), browser.getCurrentUrl());
        browser.findElement(By.id("token")).sendKeys(hermes.property("apiToken"));
        browser.findElement(By.cssSelector("#login button")).click();
        await().atMost(DEADLINE).until(() -> browser.getCurrentUrl().endsWith("/ops"));
        Cookie session = browser.manage().getCookieNamed("hermes_ops");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(browser.getPageSource().contains(hermes.property("apiToken")), "the token is never on the page");

        WebElement flaky = row("container", "flaky#alice");
        assertEquals("1", flaky.findElement(By.cssSelector("td.dlq .count")).getText(), "one dead letter");
        assertTrue(row("container", "sample#alice").isDisplayed());
        assertTrue(row("container", "slow#alice").isDisplayed());
        WebElement sampleThread = row("thread", sample.get("threadId").asText());
        assertTrue(sampleThread.getText().contains("SUCCEEDED"), sampleThread.getText());
        assertTrue(sampleThread.getText().contains("thread-" + sample.get("threadId").asText()));
        assertTrue(sampleThread.findElement(By.cssSelector("code.sha")).getAttribute("title")
                .equals(sampleDone.get("commitSha").asText()), "the last command's commit");
        WebElement slow = row("thread", slowThread);
        assertTrue(slow.getText().contains("SUCCEEDED"), "the newer command ran after the interrupt: " + slow.getText());
        assertEquals(newerDone.get("commitSha").asText(), slow.findElement(By.cssSelector("code.sha")).getAttribute("title"));
        assertTrue(row("thread", dead.get("threadId").asText()).getText().contains("DEAD_LETTERED"));
        assertTrue(row("reply", "d-" + poison).getText().contains("email"), "the dead letter's notice in the outbox");
        assertTrue(row("reply", sampleReply).getText().contains("SENT"));

        // Charts from the meters: 4 messages taken in, 3 commands finished, 1 interrupt (a supersede).
        awaitChartTotal("intake", 4);
        awaitChartTotal("durations", 3);
        awaitChartTotal("interrupts", 1);
        for (String chart : List.of("intake", "durations", "interrupts")) {
            List<WebElement> bars = browser.findElements(By.cssSelector("#chart-" + chart + " svg rect"));
            assertFalse(bars.isEmpty(), chart + " has bars");
            assertTrue(bars.stream().allMatch(b -> Double.parseDouble(b.getAttribute("height")) > 0), chart);
        }
        double intakeBars = browser.findElements(By.cssSelector("#chart-intake svg rect")).stream()
                .mapToDouble(b -> Double.parseDouble(b.getAttribute("data-value"))).sum();
        assertEquals(4.0, intakeBars, "the bars add up to the messages taken in");
        screenshot("ops-page.png");

        // Live: one more message shows up in the intake chart without reloading the page.
        ((JavascriptExecutor) browser).executeScript("window.hermesTestMarker = 'still this page';");
        post("sample", "Another", "And a farewell.", null);
        awaitChartTotal("intake", 5);
        assertEquals("still this page", ((JavascriptExecutor) browser).executeScript("return window.hermesTestMarker;"),
                "the chart followed without a reload");

        // Redrive from the page: released now, the dead-lettered command goes back on -in.fifo and succeeds.
        Files.writeString(release, "go");
        row("container", "flaky#alice").findElement(By.cssSelector("button.redrive")).click();
        await().atMost(DEADLINE).until(() -> browser.findElements(By.cssSelector("p.notice")).size() == 1);
        assertEquals("Redrive of flaky#alice: 1 command put back on its -in.fifo.",
                browser.findElement(By.cssSelector("p.notice")).getText());
        assertEquals(1, redrives(poison), "the row counts the redrive");
        JsonNode redriven = awaitStatus(poison, "SUCCEEDED");
        assertTrue(redriven.hasNonNull("commitSha"), redriven.toString());
        browser.navigate().to(hermes.url() + "/ops");
        assertEquals("0", row("container", "flaky#alice").findElement(By.cssSelector("td.dlq .count")).getText());
        assertTrue(row("thread", dead.get("threadId").asText()).getText().contains("SUCCEEDED"));
        screenshot("ops-page-after-redrive.png");
    }

    private static JsonNode post(String project, String subject, String body, String thread) {
        String to = thread == null ? project + "@" + LocalHermes.EMAIL_DOMAIN
                : project + "+" + thread + "@" + LocalHermes.EMAIL_DOMAIN;
        HermesClient.Response r = client.postMime(MimeBuilder.build(ALICE, to, subject, body, null));
        assertEquals(202, r.status(), r.body().toString());
        return r.body();
    }

    private static JsonNode awaitStatus(String commandId, String status) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> client.command(commandId), c -> status.equals(c.path("status").asText()));
    }

    /** The slow agent has done its first step: it is running, with work to checkpoint. */
    private static void awaitStep(String threadId, String commandId) {
        Path progress = hermes.workDir().resolve("workspaces").resolve("slow--alice").resolve("sessions")
                .resolve(threadId).resolve("PROGRESS.md");
        await().atMost(DEADLINE).until(() -> Files.exists(progress)
                && Files.readString(progress).contains(commandId + " step 1\n"));
    }

    private static WebElement row(String kind, String id) {
        return browser.findElement(By.cssSelector("tr[data-" + kind + "='" + id + "']"));
    }

    private static void awaitChartTotal(String chart, long total) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(
                () -> browser.findElement(By.id("chart-" + chart)).getAttribute("data-total"),
                t -> t != null && Long.parseLong(t) == total);
    }

    private static long redrives(String commandId) {
        Map<String, AttributeValue> item = hermes.context().getBean(DynamoDbClient.class).getItem(b -> b
                .tableName("hermes-commands").key(Map.of("commandId", AttributeValue.fromS(commandId)))
                .consistentRead(true)).item();
        return Long.parseLong(item.get("redrives").n());
    }

    /** The whole page, as tall as it is, to {@code tests/target/}. */
    private static void screenshot(String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(1440, (int) Math.max(900, height)));
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }
}
