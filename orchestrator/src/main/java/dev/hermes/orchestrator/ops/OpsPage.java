package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.api.ContainerView;
import dev.hermes.protocol.state.ReplyStatus;

/**
 * The ops page, rendered on the server: summary, charts (drawn by {@code /ops/static/ops.js} from
 * {@code /ops/charts.json}), containers, recent threads, outbox. No inline script or style, so the
 * Content-Security-Policy can forbid both; no secret is ever part of it (the CSRF token is per session,
 * or an HMAC of the bearer token).
 */
final class OpsPage {
    private OpsPage() {
    }

    static String render(OpsOverview.Overview o, OpsGuard.Viewer viewer, ReplyStatus outboxStatus, OpsNotice notice,
                         long now) {
        StringBuilder b = new StringBuilder(16_384);
        head(b, "Hermes ops");
        b.append("<header><h1>Hermes <span>ops</span></h1><nav><a href=\"#charts\">Charts</a>")
                .append("<a href=\"#containers\">Containers</a><a href=\"#threads\">Threads</a>")
                .append("<a href=\"#outbox\">Outbox</a><a href=\"#projects\">Projects</a><a href=\"#routes\">Routes</a>")
                .append("<a href=\"/ops\">Refresh</a></nav><span class=\"who\">").append(esc(viewer.principal().name()))
                .append(" · ").append(esc(viewer.principal().role().wireName())).append("</span>");
        if (viewer.sessionId() != null) {
            b.append("<form method=\"post\" action=\"/ops/logout\" class=\"logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(esc(viewer.csrf())).append("\"><button type=\"submit\">Log out</button></form>");
        }
        b.append("</header><main>");
        if (notice != null) {
            b.append(notice.error() ? "<p class=\"notice error\" role=\"alert\">" : "<p class=\"notice\" role=\"status\">")
                    .append(esc(notice.text())).append("</p>");
        }
        summary(b, o);
        charts(b);
        ContainersSection.render(b, o.containers(), o.nextContainers(), viewer, now);
        ThreadsSection.render(b, o.threads(), now);
        OutboxSection.render(b, o.outbox(), outboxStatus, now);
        ProjectsSection.render(b, o.projects(), viewer, now);
        RoutesSection.render(b, o.routes(), viewer);
        b.append("</main><footer>Rendered ").append(esc(java.time.Instant.ofEpochMilli(now).toString()))
                .append(" · the charts refresh every few seconds; the tables when you reload.</footer></body></html>");
        return b.toString();
    }

    static void head(StringBuilder b, String title) {
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/ops/static/ops.css\">")
                .append("<script src=\"/ops/static/ops.js\" defer></script></head><body>");
    }

    private static void summary(StringBuilder b, OpsOverview.Overview o) {
        long running = 0;
        long queued = 0;
        long dead = 0;
        boolean partial = false;
        for (OpsOverview.ContainerRow r : o.containers()) {
            ContainerView v = r.view();
            running += "RUNNING".equals(v.status()) ? 1 : 0;
            if (v.depths() != null && v.depths().in() != null) {
                queued += v.depths().in().visible() + v.depths().in().inFlight() + v.depths().in().delayed();
            }
            dead += r.dead().total();
            partial |= r.dead().partial();
        }
        long pending = o.outbox().entries().stream().filter(e -> e.status() == ReplyStatus.PENDING).count();
        long failed = o.outbox().entries().stream().filter(e -> e.status() == ReplyStatus.FAILED).count();
        b.append("<section id=\"summary\" class=\"tiles\">")
                .append(tile("containers", Long.toString(o.containers().size()) + (o.nextContainers() == null ? "" : "+"), "Containers"))
                .append(tile("running", Long.toString(running), "Running workers"))
                .append(tile("queued", Long.toString(queued), "Commands on -in.fifo"))
                .append(tile("dead", dead + (partial ? "+" : ""), "Dead letters"))
                .append(tile("pending", Long.toString(pending), "Replies pending (this page)"))
                .append(tile("failed", Long.toString(failed), "Replies failed (this page)"))
                .append("</section>");
    }

    private static String tile(String id, String value, String label) {
        return "<div class=\"tile\" id=\"tile-" + esc(id) + "\"><b>" + esc(value) + "</b><span>" + esc(label) + "</span></div>";
    }

    private static void charts(StringBuilder b) {
        b.append("<section id=\"charts\" class=\"charts\" data-source=\"/ops/charts.json\">")
                .append(chart("intake", "Intake", "messages accepted per interval"))
                .append(chart("durations", "Command durations", "mean run time of the commands that finished, seconds"))
                .append(chart("interrupts", "Interrupts", "supersede and preempt interrupts sent per interval"))
                .append("</section>");
    }

    private static String chart(String id, String title, String what) {
        return "<figure class=\"chart\" id=\"chart-" + esc(id) + "\"><figcaption><b>" + esc(title) + "</b> <span class=\"total\">…</span>"
                + "<small>" + esc(what) + "</small></figcaption><svg role=\"img\" aria-label=\"" + esc(title)
                + "\" viewBox=\"0 0 360 120\" preserveAspectRatio=\"none\"></svg></figure>";
    }
}
