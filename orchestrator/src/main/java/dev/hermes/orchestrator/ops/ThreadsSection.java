package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.thread.ThreadRecord;
import java.util.List;
import java.util.Locale;

/** The most recently active threads: channel, subject, branch, the last command's status and commit. */
final class ThreadsSection {
    private ThreadsSection() {
    }

    static void render(StringBuilder b, List<OpsOverview.ThreadRow> rows, long now) {
        b.append("<section id=\"threads\"><h2>Recent threads</h2>");
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">No threads yet.</p></section>");
            return;
        }
        b.append("<table><thead><tr><th>Thread</th><th>Container</th><th>Channel</th><th>Subject</th>")
                .append("<th>Branch</th><th>Last command</th><th>Commit</th><th>Messages</th><th>Last activity</th>")
                .append("</tr></thead><tbody>");
        for (OpsOverview.ThreadRow row : rows) {
            ThreadRecord t = row.thread();
            CommandRecord c = row.last();
            b.append("<tr data-thread=\"").append(esc(t.threadId().value())).append("\"><td><code>")
                    .append(esc(t.threadId().value())).append("</code></td><td class=\"key\">")
                    .append(esc(t.containerKey().value())).append("</td><td>").append(esc(t.channel().name().toLowerCase(Locale.ROOT)))
                    .append("</td><td class=\"subject\">").append(esc(Html.cut(t.subject(), 80)))
                    .append("</td><td><code>").append(esc(t.branch())).append("</code></td><td class=\"last\">");
            if (c == null) {
                b.append("<span class=\"muted\">none yet</span>");
            } else {
                b.append(Html.badge(c.status().name())).append(" <span class=\"title\">")
                        .append(esc(Html.cut(c.title(), 60))).append("</span>");
                if (c.attempts() > 1) {
                    b.append(" <span class=\"muted\">").append(c.attempts()).append(" attempts</span>");
                }
            }
            b.append("</td><td>");
            if (c != null && c.commitSha() != null) {
                b.append("<code class=\"sha\" title=\"").append(esc(c.commitSha())).append("\">")
                        .append(esc(Html.shortSha(c.commitSha()))).append("</code>");
            }
            b.append("</td><td class=\"num\">").append(t.messageCount()).append("</td><td>")
                    .append(Html.time(t.lastActivityAt(), now)).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }
}
