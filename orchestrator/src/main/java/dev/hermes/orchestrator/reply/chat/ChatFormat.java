package dev.hermes.orchestrator.reply.chat;

import dev.hermes.orchestrator.reply.ReplyContent;
import dev.hermes.protocol.id.ThreadId;
import java.util.List;

/** A reply for the generic chat: plain text lines; the same facts also travel as JSON fields. */
public final class ChatFormat {
    static final int MAX_FILES = 20;

    private ChatFormat() {
    }

    public static String text(ReplyContent c, ThreadId thread) {
        StringBuilder b = new StringBuilder(c.headline()).append('\n');
        if (!c.summary().isBlank()) {
            b.append(c.summary()).append('\n');
        }
        if (c.branch() != null) {
            b.append("Branch: ").append(c.branch()).append('\n');
        }
        if (c.commitSha() != null) {
            b.append("Commit: ").append(c.commitSha()).append('\n');
        }
        List<String> files = c.brief() ? List.of() : c.filesChanged();
        if (!files.isEmpty()) {
            b.append("Files changed: ").append(String.join(", ", files.stream().limit(MAX_FILES).toList()));
            if (files.size() > MAX_FILES) {
                b.append(" … and ").append(files.size() - MAX_FILES).append(" more");
            }
            b.append('\n');
        }
        return b.append('#').append(thread.value()).toString();
    }
}
