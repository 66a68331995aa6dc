package dev.hermes.worker.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which live processes work inside a directory, read from {@code /proc} (Linux): a process belongs to a
 * directory when its current working directory is in it. Processes of other users, and this JVM,
 * are never listed. Where there is no {@code /proc}, {@link #supported()} is false and nothing is listed.
 */
public final class WorkspaceProcesses {
    private static final Path PROC = Path.of("/proc");
    /** Every agent Hermes starts has it in its environment, and its children inherit it. */
    static final String AGENT_MARKER = "HERMES_COMMAND_ID=";

    private WorkspaceProcesses() {
    }

    public static boolean supported() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Live processes (not zombies) other than this one whose working directory is {@code dir} or below it. */
    public static List<ProcessHandle> within(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> cwd(p.pid()).map(cwd -> cwd.startsWith(root)).orElse(false))
                .filter(p -> !zombie(p.pid()))
                .toList();
    }

    /** A process that exited and waits for its parent to reap it: nothing to stop, nothing it holds. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Agents (and their children) that an earlier worker left running in {@code dir}. */
    public static List<ProcessHandle> agentsWithin(Path dir) {
        return within(dir).stream().filter(p -> environment(p.pid()).contains("\0" + AGENT_MARKER)).toList();
    }

    private static Optional<Path> cwd(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The environment block, NUL-separated and with a leading NUL so that every entry starts after one. */
    private static String environment(long pid) {
        try {
            return "\0" + new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ")),
                    StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
