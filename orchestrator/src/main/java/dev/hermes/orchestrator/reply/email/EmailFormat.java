package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.reply.ReplyContent;
import dev.hermes.orchestrator.thread.ThreadToken;
import dev.hermes.protocol.id.ThreadId;
import java.util.List;

/**
 * A reply email's two bodies, plain text and HTML, telling the same thing: headline, summary,
 * status, branch, commit, files changed (a brief notice leaves the files out), and the footer with
 * the thread token, which survives clients that drop the threading headers.
 */
public final class EmailFormat {
    static final int MAX_FILES = 50;
    private static final String FOOTER = "Reply to this email to continue the thread.";

    private EmailFormat() {
    }

    public static String text(ReplyContent c, ThreadId thread) {
        StringBuilder b = new StringBuilder();
        b.append(c.headline()).append("\n\n");
        if (!c.summary().isBlank()) {
            b.append(c.summary()).append("\n\n");
        }
        if (c.status() != null) {
            b.append("Status: ").append(c.status()).append('\n');
        }
        if (c.branch() != null) {
            b.append("Branch: ").append(c.branch()).append('\n');
        }
        if (c.commitSha() != null) {
            b.append("Commit: ").append(c.commitSha()).append('\n');
        }
        List<String> files = c.brief() ? List.of() : c.filesChanged();
        if (!files.isEmpty()) {
            b.append("Files changed:\n");
            files.stream().limit(MAX_FILES).forEach(f -> b.append("  - ").append(f).append('\n'));
            if (files.size() > MAX_FILES) {
                b.append("  … and ").append(files.size() - MAX_FILES).append(" more\n");
            }
        }
        b.append("\n-- \n").append(FOOTER).append('\n').append(ThreadToken.format(thread)).append('\n');
        return b.toString();
    }

    public static String html(ReplyContent c, ThreadId thread) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n"
                + "<body style=\"font-family: sans-serif; line-height: 1.4\">\n");
        b.append("<p><strong>").append(escape(c.headline())).append("</strong></p>\n");
        if (!c.summary().isBlank()) {
            b.append("<p>").append(escape(c.summary()).replace("\n", "<br>\n")).append("</p>\n");
        }
        StringBuilder rows = new StringBuilder();
        row(rows, "Status", c.status() == null ? null : c.status().name());
        row(rows, "Branch", c.branch());
        row(rows, "Commit", c.commitSha());
        if (!rows.isEmpty()) {
            b.append("<table cellpadding=\"2\">\n").append(rows).append("</table>\n");
        }
        List<String> files = c.brief() ? List.of() : c.filesChanged();
        if (!files.isEmpty()) {
            b.append("<p>Files changed:</p>\n<ul>\n");
            files.stream().limit(MAX_FILES).forEach(f -> b.append("<li><code>").append(escape(f)).append("</code></li>\n"));
            if (files.size() > MAX_FILES) {
                b.append("<li>… and ").append(files.size() - MAX_FILES).append(" more</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<hr>\n<p style=\"color: #666; font-size: small\">").append(FOOTER).append("<br>\n")
                .append(ThreadToken.format(thread)).append("</p>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder rows, String name, String value) {
        if (value != null) {
            rows.append("<tr><td>").append(name).append("</td><td><code>").append(escape(value)).append("</code></td></tr>\n");
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
