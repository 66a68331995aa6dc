package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.orchestrator.routing.ProjectStore;
import dev.hermes.protocol.id.ProjectId;
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
 * puts the dead-lettered command back on its queue, where it now succeeds. Then the roles: the admin
 * sets and clears a project secret from the page (shown only as set, its value never on the page); a
 * viewer sees the page without a single button; an operator creates a project and a route with the
 * forms, and a message by that route is worked on the new project. Screenshots in {@code tests/target/}.
 */
class OpsPageBrowserTest {
    private static final String ALICE = "alice@example.com";
    private static final String CANARY = "ops-canary-4d1f0a9e7b";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
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
        FastRetries.set();
        hermes = LocalHermes.start(LocalOptions.forTests(root.resolve("hermes"), seed,
                repo.resolve("worker/target/hermes-worker.jar"), 3));
        client = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        browser = Browser.start(root.resolve("chromium-profile"), Path.of("target", "chromedriver.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        FastRetries.clear();
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
        logIn(hermes.property("apiToken"));
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

        adminSetsAndClearsASecret();
        String viewer = token("ops-viewer", "viewer");
        String operator = token("ops-operator", "operator");
        logOut();
        viewerSeesThePageWithoutButtons(viewer);
        logOut();
        operatorCreatesAProjectAndARouteThatWork(operator);
    }

    private static void adminSetsAndClearsASecret() {
        browser.navigate().to(hermes.url() + "/ops#projects");
        openEditor("sample");
        WebElement add = row("project", "sample").findElement(By.cssSelector("form.secret-form.new"));
        add.findElement(By.name("name")).sendKeys("env.OPS_CANARY");
        add.findElement(By.name("value")).sendKeys(CANARY);
        add.findElement(By.cssSelector("button")).click();
        awaitNotice("A secret of project sample was replaced.");
        WebElement state = row("project", "sample").findElement(By.cssSelector("td.secrets [data-secret='env.OPS_CANARY']"));
        assertEquals("env.OPS_CANARY set", state.getText());
        assertFalse(browser.getPageSource().contains(CANARY), "a stored secret is never on the page");
        assertTrue(projectSecrets("sample").contains("env.OPS_CANARY"), "stored");
        openEditor("sample");
        WebElement form = row("project", "sample").findElement(By.cssSelector("form.secret-form[data-secret='env.OPS_CANARY']"));
        assertEquals("", form.findElement(By.name("value")).getAttribute("value"), "the field is empty, never filled in");
        form.findElement(By.cssSelector("button[value='clear']")).click();
        awaitNotice("A secret of project sample was cleared.");
        assertFalse(projectSecrets("sample").contains("env.OPS_CANARY"), "cleared in the store");
        assertTrue(browser.findElements(By.cssSelector("td.secrets [data-secret='env.OPS_CANARY']")).isEmpty());
    }

    private static void viewerSeesThePageWithoutButtons(String token) throws Exception {
        logIn(token);
        assertTrue(row("container", "flaky#alice").isDisplayed());
        assertTrue(row("project", "sample").isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("header .who")).getText().contains("viewer"));
        for (String css : List.of("button.redrive", "#new-project", "#new-route", "td.actions form", ".secret-form")) {
            assertTrue(browser.findElements(By.cssSelector(css)).isEmpty(), "a viewer gets no " + css);
        }
        screenshot("ops-page-viewer.png");
    }

    private static void operatorCreatesAProjectAndARouteThatWork(String token) throws Exception {
        logIn(token);
        browser.findElement(By.cssSelector("#new-project summary")).click();
        WebElement form = browser.findElement(By.cssSelector("#new-project form"));
        form.findElement(By.name("projectId")).sendKeys("docs");
        form.findElement(By.name("repoUrl")).sendKeys(hermes.workDir().resolve("remotes").resolve("sample.git").toString());
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        form.findElement(By.name("argv")).sendKeys(repo.resolve("examples/agents/record-instruction.sh").toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("Project docs created.");
        assertTrue(row("project", "docs").getText().contains("record-instruction.sh"));

        WebElement route = browser.findElement(By.id("new-route"));
        route.findElement(By.name("key")).sendKeys("email:bob@example.com");
        route.findElement(By.name("userId")).sendKeys("bob");
        route.findElement(By.name("projects")).sendKeys("docs");
        route.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNotice("Route email:bob@example.com saved.");
        assertTrue(row("route", "email:bob@example.com").getText().contains("docs"));
        openEditor("docs");
        assertTrue(row("project", "docs").findElements(By.cssSelector(".secret-form")).isEmpty(), "secrets are an admin's");
        assertTrue(row("project", "docs").getText().contains("Secrets are set by an admin."));
        screenshot("ops-page-operator.png");

        HermesClient.Response r = client.postMime(MimeBuilder.build("bob@example.com", "docs@" + LocalHermes.EMAIL_DOMAIN,
                "Docs", "Write the docs.", null));
        assertEquals(202, r.status(), r.body().toString());
        JsonNode done = awaitStatus(r.body().get("commandId").asText(), "SUCCEEDED");
        assertTrue(done.hasNonNull("commitSha"), "worked on the project made on the page: " + done);
        browser.navigate().to(hermes.url() + "/ops");
        assertTrue(row("container", "docs#bob").isDisplayed());
    }

    private static void logIn(String token) {
        browser.navigate().to(hermes.url() + "/ops");
        assertTrue(browser.getCurrentUrl().endsWith("/ops/login"), browser.getCurrentUrl());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#login button")).click();
        await().atMost(DEADLINE).until(() -> browser.getCurrentUrl().endsWith("/ops"));
    }

    private static void logOut() {
        browser.findElement(By.cssSelector("form.logout button")).click();
        await().atMost(DEADLINE).until(() -> browser.getCurrentUrl().endsWith("/ops/login"));
    }

    private static void openEditor(String project) {
        WebElement details = row("project", project).findElement(By.cssSelector("details.manage"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void awaitNotice(String text) {
        await().atMost(DEADLINE).until(() -> browser.findElements(By.cssSelector("p.notice")).stream()
                .anyMatch(n -> n.getText().equals(text)));
    }

    private static String token(String name, String role) {
        HermesClient.Response r = client.post("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, r.status(), r.body().toString());
        return r.body().get("token").asText();
    }

    private static java.util.Set<String> projectSecrets(String project) {
        return hermes.context().getBean(ProjectStore.class).find(new ProjectId(project)).orElseThrow().secrets().keySet();
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
