package dev.hermes.worker.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process and everything it started: SIGINT to the whole tree (what Ctrl-C in a terminal does,
 * so agents can save their state), a grace period, then SIGKILL to whatever is still alive.
 *
 * <p>The JDK can send only SIGTERM and SIGKILL, so SIGINT is sent by running {@code kill -s INT -- pid…}
 * as an argument vector (pids are numbers we read from the process table; no shell is involved). Where
 * no {@code kill} program exists the tree gets SIGTERM instead, and a warning says so.
 */
public final class ProcessTree {
    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
    private static final Duration KILL_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private ProcessTree() {
    }

    /** SIGINT to {@code root} and its descendants, wait up to {@code grace}, then SIGKILL the survivors. */
    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = tree(root);
        interrupt(tree);
        if (!awaitExit(tree, grace)) {
            // Children started during the grace period belong to the tree too.
            List<ProcessHandle> now = new ArrayList<>(tree);
            tree(root).stream().filter(p -> !now.contains(p)).forEach(now::add);
            now.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(now, grace);
        }
    }

    /** Deepest first, the root last. */
    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        Collections.reverse(tree);
        tree.add(root);
        return tree;
    }

    private static void interrupt(List<ProcessHandle> tree) {
        List<String> command = new ArrayList<>(List.of("kill", "-s", "INT", "--"));
        tree.stream().filter(ProcessHandle::isAlive).forEach(p -> command.add(Long.toString(p.pid())));
        if (command.size() == 4) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.getOutputStream().close();
            // A pid that exited meanwhile makes kill exit 1; the others were still signalled.
            if (!kill.waitFor(KILL_COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("cannot run kill to send SIGINT ({}); sending SIGTERM instead", e.getMessage());
            tree.forEach(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroy);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
