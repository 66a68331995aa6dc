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
        return build(subject(title, commandId), instruction, commandId, threadId);
    }

    /**
     * A checkpoint of unfinished work: {@code WIP: <title> [<why>]}, the title shortened so that the
     * whole subject stays within 72 characters and the tag is always seen.
     */
    public static CommitMessage wip(String title, String instruction, CommandId commandId, ThreadId threadId,
                                    String why) {
        String tag = " [" + why + "]";
        String subject = "WIP: " + clip(subject(title, commandId), MAX_TITLE - "WIP: ".length() - tag.length()) + tag;
        return build(subject, instruction, commandId, threadId);
    }

    private static String subject(String title, CommandId commandId) {
        String subject = firstLine(title);
        return subject.isEmpty() ? "Hermes command " + commandId : subject;
    }

    private static CommitMessage build(String subject, String instruction, CommandId commandId, ThreadId threadId) {
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
