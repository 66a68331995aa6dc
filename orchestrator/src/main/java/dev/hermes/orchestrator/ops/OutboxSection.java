package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.reply.OutboxEntry;
import dev.hermes.orchestrator.reply.OutboxPage;
import dev.hermes.protocol.state.ReplyStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One page of the outbox (as {@code GET /api/outbox} reads it: table order, optionally one status),
 * newest first within the page, with links to filter by status and to the next page.
 */
final class OutboxSection {
    private OutboxSection() {
    }

    static void render(StringBuilder b, OutboxPage page, ReplyStatus status, long now) {
        b.append("<section id=\"outbox\"><h2>Outbox</h2><p class=\"filters\">Show: ").append(filter(null, status));
        for (ReplyStatus s : ReplyStatus.values()) {
            b.append(' ').append(filter(s, status));
        }
        b.append("</p>");
        if (page.entries().isEmpty()) {
            b.append("<p class=\"empty\">No replies").append(status == null ? "" : " " + esc(status.name()))
                    .append(".</p></section>");
            return;
        }
        b.append("<table><thead><tr><th>Reply</th><th>Kind</th><th>Channel</th><th>To</th><th>Subject</th>")
                .append("<th>Status</th><th>Attempts</th><th>Last error</th><th>Created</th><th>Sent</th>")
                .append("</tr></thead><tbody>");
        List<OutboxEntry> newestFirst = page.entries().stream()
                .sorted(Comparator.comparingLong(OutboxEntry::createdAt).reversed()).toList();
        for (OutboxEntry e : newestFirst) {
            b.append("<tr data-reply=\"").append(esc(e.replyId())).append("\"><td><code>")
                    .append(esc(Html.cut(e.replyId(), 14))).append("</code></td><td>")
                    .append(esc(e.reply().kind().name().toLowerCase(Locale.ROOT))).append("</td><td>")
                    .append(esc(e.reply().channel().name().toLowerCase(Locale.ROOT))).append("</td><td>")
                    .append(esc(Html.destination(e.reply().destination()))).append("</td><td class=\"subject\">")
                    .append(esc(Html.cut(e.reply().subject(), 60))).append("</td><td>")
                    .append(Html.badge(e.status().name())).append("</td><td class=\"num\">").append(e.attempts())
                    .append("</td><td class=\"error\">").append(esc(Html.cut(e.lastError(), 120))).append("</td><td>")
                    .append(Html.time(e.createdAt(), now)).append("</td><td>").append(Html.time(e.sentAt(), now))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (page.nextCursor() != null) {
            b.append("<p class=\"more\"><a href=\"/ops?outbox=").append(esc(Html.url(page.nextCursor())))
                    .append(status == null ? "" : "&amp;status=" + esc(status.name())).append("#outbox\">Next replies →</a></p>");
        }
        b.append("</section>");
    }

    private static String filter(ReplyStatus s, ReplyStatus current) {
        String label = s == null ? "all" : s.name().toLowerCase(Locale.ROOT);
        String href = s == null ? "/ops#outbox" : "/ops?status=" + s.name() + "#outbox";
        return s == current ? "<b>" + esc(label) + "</b>" : "<a href=\"" + esc(href) + "\">" + esc(label) + "</a>";
    }
}
