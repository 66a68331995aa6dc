package dev.hermes.worker.session;

import java.util.List;

/** A git command failed. {@code output} is the last of its output with credentials in URLs redacted. */
public class GitCommandException extends RuntimeException {
    private final int exitCode;
    private final String output;

    public GitCommandException(List<String> args, int exitCode, String output) {
        super("git " + args.get(0) + " failed (exit " + exitCode + ")" + (output.isBlank() ? "" : ": " + lastLine(output)));
        this.exitCode = exitCode;
        this.output = output;
    }

    public int exitCode() {
        return exitCode;
    }

    public String output() {
        return output;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
