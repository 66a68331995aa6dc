package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.api.ContainerView;
import dev.hermes.orchestrator.command.CommandRecord;
import java.util.List;

/** The containers table: status, lease, queue depths, running command, dead letters with a redrive button. */
final class ContainersSection {
    private ContainersSection() {
    }

    static void render(StringBuilder b, List<OpsOverview.ContainerRow> rows, String nextCursor, OpsGuard.Viewer viewer,
                       long now) {
        b.append("<section id=\"containers\"><h2>Containers</h2>");
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">No containers yet: the first message to a project creates one.</p></section>");
            return;
        }
        b.append("<table><thead><tr><th>Container</th><th>Status</th><th>Lease holder</th>")
                .append("<th title=\"visible / in flight / delayed\">-in.fifo</th><th>-ctl</th><th>-out</th>")
                .append("<th>Running command</th><th>Dead letters</th><th>Last activity</th></tr></thead><tbody>");
        for (OpsOverview.ContainerRow row : rows) {
            ContainerView v = row.view();
            b.append("<tr data-container=\"").append(esc(v.containerKey())).append("\"><td class=\"key\">")
                    .append(esc(v.containerKey())).append("</td><td>").append(Html.badge(v.status()));
            if (v.waitingSince() != null) {
                b.append(" <span class=\"muted\">waiting</span>");
            }
            b.append("</td><td>").append(lease(v, now)).append("</td>");
            ContainerView.Depths d = v.depths();
            b.append(depth(d == null ? null : d.in())).append(depth(d == null ? null : d.ctl()))
                    .append(depth(d == null ? null : d.out()));
            b.append("<td>").append(running(v, row.running())).append("</td>");
            b.append("<td class=\"dlq\">").append(deadLetters(v, row.dead(), viewer)).append("</td>");
            b.append("<td>").append(v.lastActivityAt() == null ? Html.time(0, now)
                    : Html.time(v.lastActivityAt().toEpochMilli(), now)).append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (nextCursor != null) {
            b.append("<p class=\"more\"><a href=\"/ops?containers=").append(esc(Html.url(nextCursor)))
                    .append("#containers\">Next containers →</a></p>");
        }
        b.append("</section>");
    }

    private static String lease(ContainerView v, long now) {
        if (v.lease() == null) {
            return "<span class=\"muted\">none</span>";
        }
        long expires = v.lease().expiresAt().toEpochMilli();
        String state = expires > now ? "expires " + Html.ago(expires, now) : "expired " + Html.ago(expires, now);
        return "<span class=\"owner\">" + esc(v.lease().owner()) + "</span> <span class=\"muted\">v"
                + v.lease().version() + ", " + esc(state) + "</span>";
    }

    private static String depth(ContainerView.Depth d) {
        if (d == null) {
            return "<td class=\"num muted\">—</td>";
        }
        return "<td class=\"num\"><b>" + d.visible() + "</b> / " + d.inFlight() + " / " + d.delayed() + "</td>";
    }

    private static String running(ContainerView v, CommandRecord cmd) {
        if (v.runningCommand() == null) {
            return "<span class=\"muted\">idle</span>";
        }
        String id = "<code title=\"" + esc(v.runningCommand()) + "\">" + esc(Html.cut(v.runningCommand(), 12)) + "</code>";
        return cmd == null ? id : id + " " + esc(Html.cut(cmd.title(), 60));
    }

    private static String deadLetters(ContainerView v, OpsOverview.DeadLetters dead, OpsGuard.Viewer viewer) {
        StringBuilder b = new StringBuilder();
        b.append("<span class=\"count").append(dead.total() > 0 ? " alert" : "").append("\" title=\"")
                .append(dead.inQueue()).append(" in -dlq.fifo, ").append(dead.commands())
                .append(" dead-lettered command rows").append(dead.partial() ? " among the newest threads read" : "")
                .append("\">").append(dead.total()).append(dead.partial() ? "+" : "").append("</span>");
        if (v.depths() != null && viewer.may(dev.hermes.orchestrator.auth.Role.OPERATOR)) {
            b.append("<form method=\"post\" action=\"/ops/containers/").append(esc(Html.url(v.containerKey())))
                    .append("/redrive\"><input type=\"hidden\" name=\"csrf\" value=\"").append(esc(viewer.csrf()))
                    .append("\"><button type=\"submit\" class=\"redrive\">Redrive</button></form>");
        }
        return b.toString();
    }
}
