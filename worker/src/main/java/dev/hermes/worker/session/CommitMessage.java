package dev.hermes.worker.session;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;

/**
 * The message of a command's commit: the title (one line, at most 72 characters), a blank line, an
 * excerpt of the instruction (at most 1000 characters), and the {@code Hermes-Command} and
 * {@code Hermes-Thread} trailers.
 */
public record CommitMessage(String text) {
    public static final int MAX_TITLE = 72;
    public static final int MAX_EXCERPT = 1000;

    public static CommitMessage of(String title, String instruction, CommandId commandId, ThreadId threadId) {
        String subject = firstLine(title);
        if (subject.isEmpty()) {
            subject = "Hermes command " + commandId;
        }
        String excerpt = clip(instruction == null ? "" : instruction.strip(), MAX_EXCERPT);
        StringBuilder text = new StringBuilder(clip(subject, MAX_TITLE)).append("\n\n");
        if (!excerpt.isEmpty()) {
            text.append(excerpt).append("\n\n");
        }
        text.append("Hermes-Command: ").append(commandId).append('\n');
        text.append("Hermes-Thread: ").append(threadId).append('\n');
        return new CommitMessage(text.toString());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
