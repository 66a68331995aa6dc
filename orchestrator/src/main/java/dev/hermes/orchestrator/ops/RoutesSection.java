package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.routing.Route;
import dev.hermes.orchestrator.routing.RoutePage;
import dev.hermes.protocol.id.ProjectId;
import java.util.stream.Collectors;

/** Who may write to Hermes: sender key, user and projects; an operator adds, replaces and removes routes. */
final class RoutesSection {
    private RoutesSection() {
    }

    static void render(StringBuilder b, RoutePage routes, OpsGuard.Viewer viewer) {
        b.append("<section id=\"routes\"><h2>Routes</h2>");
        if (routes.routes().isEmpty()) {
            b.append("<p class=\"empty\">No routes: nobody can write to Hermes yet.</p>");
        } else {
            b.append("<table><thead><tr><th>Sender</th><th>User</th><th>Projects (the first is the default)</th><th></th>")
                    .append("</tr></thead><tbody>");
            for (Route r : routes.routes()) {
                b.append("<tr data-route=\"").append(esc(r.key())).append("\"><td><code>").append(esc(r.key()))
                        .append("</code></td><td class=\"key\">").append(esc(r.person().userId().value())).append("</td><td>")
                        .append(esc(r.person().projects().stream().map(ProjectId::value).collect(Collectors.joining(", "))))
                        .append("</td><td class=\"actions\">");
                if (viewer.may(Role.OPERATOR)) {
                    b.append("<form method=\"post\" class=\"inline\" action=\"/ops/routes/delete\">");
                    ProjectsSection.csrf(b, viewer);
                    b.append("<input type=\"hidden\" name=\"key\" value=\"").append(esc(r.key()))
                            .append("\"><button type=\"submit\" class=\"delete\">Remove</button></form>");
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
            if (routes.nextCursor() != null) {
                b.append("<p class=\"more muted\">More routes: GET /api/routes?cursor=…</p>");
            }
        }
        if (viewer.may(Role.OPERATOR)) {
            b.append("<form method=\"post\" class=\"route-form\" id=\"new-route\" action=\"/ops/routes\">");
            ProjectsSection.csrf(b, viewer);
            b.append("<label>Sender <input name=\"key\" placeholder=\"email:ana@example.com, sms:+15551234567, slack:T1:U1, chat:ana\"></label>")
                    .append("<label>User <input name=\"userId\" placeholder=\"ana\"></label>")
                    .append("<label>Projects <input name=\"projects\" placeholder=\"sample, docs\"></label>")
                    .append("<button type=\"submit\">Add or replace route</button></form>");
        }
        b.append("</section>");
    }
}
