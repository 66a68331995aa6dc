package dev.hermes.orchestrator.reply.slack;

import dev.hermes.orchestrator.reply.ReplyContent;
import dev.hermes.protocol.id.ThreadId;
import java.util.List;

/**
 * A reply as Slack {@code mrkdwn}: the headline in bold, the summary, the work in one line, changed
 * files as a short list, and the thread mention. Text from the worker is escaped ({@code & < >}, the
 * only characters Slack requires), so a summary can never ping a channel or forge a link.
 */
public final class SlackFormat {
    /** Slack truncates longer messages; 4,000 characters is its advice for one message. */
    static final int MAX_CHARS = 3900;
    static final int MAX_FILES = 10;

    private SlackFormat() {
    }

    public static String text(ReplyContent c, ThreadId thread) {
        StringBuilder b = new StringBuilder("*").append(escape(c.headline())).append("*\n");
        if (!c.summary().isBlank()) {
            b.append(escape(c.summary())).append('\n');
        }
        if (c.branch() != null) {
            b.append("Branch `").append(escape(c.branch())).append('`');
            if (c.commitSha() != null) {
                b.append(" · commit `").append(c.shortCommit()).append('`');
            }
            b.append('\n');
        }
        List<String> files = c.brief() ? List.of() : c.filesChanged();
        files.stream().limit(MAX_FILES).forEach(f -> b.append("• `").append(escape(f)).append("`\n"));
        if (files.size() > MAX_FILES) {
            b.append("… and ").append(files.size() - MAX_FILES).append(" more\n");
        }
        String footer = "_thread #" + thread.value() + "_";
        if (b.length() + footer.length() > MAX_CHARS) {
            b.setLength(MAX_CHARS - footer.length() - 2);
            b.append("…\n");
        }
        return b.append(footer).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
