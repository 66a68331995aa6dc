package dev.hermes.worker.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunnerTest {
    private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
    private final AgentRunner runner = new AgentRunner(Duration.ofMillis(500));

    @TempDir
    Path dir;

    @Test
    void theSummaryIsTheLastNonBlankLineOfOutput() throws IOException {
        AgentResult result = run(script("echo first\necho 'to stderr' >&2\necho '  the last line  '\necho\necho ''\n"),
                Duration.ofSeconds(30));
        assertEquals(AgentResult.Ending.SUCCEEDED, result.ending());
        assertEquals("the last line", result.summary());
        assertEquals("first\nto stderr\n  the last line  \n\n\n", Files.readString(dir.resolve("logs/agent.log")));
    }

    @Test
    void aSilentFailureIsSummarisedByItsExitCode() throws IOException {
        AgentResult result = run(script("exit 7\n"), Duration.ofSeconds(30));
        assertEquals(AgentResult.Ending.FAILED, result.ending());
        assertEquals("agent exited with code 7", result.summary());
    }

    @Test
    void aLongLastLineIsCutTo200Characters() throws IOException {
        AgentResult result = run(script("printf 'x%.0s' $(seq 1 500); echo\n"), Duration.ofSeconds(30));
        assertEquals(200, result.summary().length());
    }

    @Test
    void anAgentThatCannotStartFails() {
        AgentResult result = runner.run(request(List.of(dir.resolve("missing-agent").toString()), Duration.ofSeconds(5)),
                new StopSignal());
        assertEquals(AgentResult.Ending.NOT_STARTED, result.ending());
        assertTrue(result.summary().startsWith("agent could not start"), result.summary());
    }

    @Test
    void onTimeoutTheWholeProcessTreeIsStoppedEvenWhenItIgnoresSigterm() throws Exception {
        Path pids = dir.resolve("pids");
        Path agent = script("trap '' TERM\nsleep 300 &\necho $! > '" + pids + "'\nwhile true; do sleep 1; done\n");

        AgentResult result = run(agent, Duration.ofSeconds(1));

        assertEquals(AgentResult.Ending.TIMED_OUT, result.ending());
        assertEquals("agent timed out after 1 s", result.summary());
        long child = Long.parseLong(Files.readString(pids).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aStopSignalStopsTheAgentAndSaysWhy() throws Exception {
        Path started = dir.resolve("started");
        Path agent = script("touch '" + started + "'\nsleep 300\n");
        StopSignal stop = new StopSignal();
        CompletableFuture<AgentResult> result = CompletableFuture.supplyAsync(
                () -> runner.run(request(List.of(agent.toString()), Duration.ofMinutes(5)), stop));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));

        assertTrue(stop.stop(StopReason.LEASE_LOST));
        AgentResult stopped = result.get();
        assertEquals(StopReason.LEASE_LOST, stopped.stoppedBy());
        assertFalse(stop.stop(StopReason.SHUTDOWN), "the first reason wins");
    }

    @Test
    void aStopSendsSigintSoTheAgentCanSaveItsWorkAndTheEndingSaysStopped() throws Exception {
        Path started = dir.resolve("started");
        Path saved = dir.resolve("saved");
        Path agent = script("trap 'echo saved > \"" + saved + "\"; echo saving my work; exit 130' INT\n"
                + "touch '" + started + "'\nwhile :; do sleep 0.1; done\n");
        StopSignal stop = new StopSignal();
        CompletableFuture<AgentResult> result = CompletableFuture.supplyAsync(
                () -> runner.run(request(List.of(agent.toString()), Duration.ofMinutes(5)), stop));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));

        stop.stop(StopReason.SUPERSEDED);
        AgentResult stopped = result.get();
        assertEquals(AgentResult.Ending.STOPPED, stopped.ending(), "exit 130 is read as a stop, not a failure");
        assertEquals(StopReason.SUPERSEDED, stopped.stoppedBy());
        assertEquals("saved\n", Files.readString(saved), "the agent got SIGINT and had time to save");
        assertEquals("saving my work", stopped.summary());
    }

    @Test
    void theSlowExampleAgentSaysWhereItStoppedWhenInterrupted() throws Exception {
        Path agent = Path.of(System.getProperty("basedir", ".")).resolve("../examples/agents/slow-agent.sh");
        StopSignal stop = new StopSignal();
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HERMES_COMMAND_ID", "c1",
                "SLOW_AGENT_STEP_SECONDS", "0.2");
        AgentRequest request = new AgentRequest(List.of(agent.toString()), env, dir, "steps: 1000",
                dir.resolve("instructions/s.txt"), dir.resolve("instructions/s.summary.txt"), dir.resolve("logs/s.log"),
                Duration.ofMinutes(5), 1024 * 1024);
        CompletableFuture<AgentResult> result = CompletableFuture.supplyAsync(() -> runner.run(request, stop));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("PROGRESS.md")));

        stop.stop(StopReason.PREEMPTED);
        AgentResult stopped = result.get();
        assertEquals(AgentResult.Ending.STOPPED, stopped.ending());
        assertTrue(stopped.summary().matches("stopped after step \\d+ of 1000"),
                stopped.summary() + " / log: " + Files.readString(dir.resolve("logs/s.log")));
    }

    @Test
    void theSummaryFileWinsOverTheLastLineOfOutput() throws IOException {
        AgentResult result = run(script("echo noise\nprintf 'Added a greeting.\\nSee README.md.\\n' > \"$HERMES_SUMMARY_FILE\"\n"),
                Duration.ofSeconds(30));
        assertEquals("Added a greeting.\nSee README.md.", result.summary());
        assertFalse(Files.exists(dir.resolve("instructions/cmd.summary.txt")), "the summary file is removed");
    }

    @Test
    void outputPastTheCapIsDroppedButTheLastLineStillSummarises() throws IOException {
        AgentRunner capped = new AgentRunner(Duration.ofMillis(500));
        Path agent = script("i=0; while [ $i -lt 2000 ]; do echo \"line $i of chatter\"; i=$((i+1)); done\necho the end\n");
        AgentRequest request = new AgentRequest(List.of(agent.toString()), ENV, dir, "x", dir.resolve("instructions/c.txt"),
                dir.resolve("instructions/c.summary.txt"), dir.resolve("logs/capped.log"), Duration.ofSeconds(30), 1000);
        AgentResult result = capped.run(request, new StopSignal());
        assertEquals("the end", result.summary());
        String log = Files.readString(dir.resolve("logs/capped.log"));
        assertTrue(log.length() < 1100, "log kept to the cap: " + log.length());
        assertTrue(log.contains("output past 1000 bytes is not kept"), log);
    }

    @Test
    void theInstructionFileExistsOnlyDuringTheRun() throws IOException {
        Path agent = script("cat \"$HERMES_INSTRUCTION_FILE\"\n");
        AgentResult result = run(agent, Duration.ofSeconds(30));
        assertEquals("do the thing", result.summary());
        assertFalse(Files.exists(dir.resolve("instructions/cmd.txt")));
        assertNull(result.stoppedBy());
    }

    private AgentResult run(Path agent, Duration timeout) {
        return runner.run(request(List.of(agent.toString()), timeout), new StopSignal());
    }

    private AgentRequest request(List<String> argv, Duration timeout) {
        return new AgentRequest(argv, ENV, dir, "do the thing", dir.resolve("instructions/cmd.txt"),
                dir.resolve("instructions/cmd.summary.txt"), dir.resolve("logs/agent.log"), timeout, 1024 * 1024);
    }

    private Path script(String body) throws IOException {
        Path script = Files.createTempFile(dir, "agent", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
