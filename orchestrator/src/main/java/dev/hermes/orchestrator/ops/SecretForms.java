package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.routing.ProjectRecord;
import dev.hermes.protocol.table.ProjectSecrets;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's secrets on the page: only whether each is set and when it changed. For an admin, one
 * form per secret with an empty password field to replace it and a button to clear it, and one to
 * add an {@code env.} secret. No value is ever written into the page, not even a placeholder of it.
 */
final class SecretForms {
    static final String GIT_TOKEN = ProjectSecrets.GIT_TOKEN;

    private SecretForms() {
    }

    static String state(String name, Long updatedAt) {
        return "<span class=\"secret " + (updatedAt == null ? "unset" : "set") + "\" data-secret=\"" + esc(name)
                + "\"" + (updatedAt == null ? "" : " title=\"updated " + esc(java.time.Instant.ofEpochMilli(updatedAt)) + "\"")
                + "><code>" + esc(name) + "</code> " + (updatedAt == null ? "not set" : "set") + "</span>";
    }

    static void render(StringBuilder b, String action, OpsGuard.Viewer viewer, ProjectRecord p) {
        List<String> names = new ArrayList<>();
        names.add(GIT_TOKEN);
        p.secrets().keySet().stream().filter(n -> !n.equals(GIT_TOKEN)).sorted().forEach(names::add);
        b.append("<div class=\"secret-forms\"><b>Secrets</b>");
        for (String name : names) {
            boolean set = p.secrets().containsKey(name);
            b.append("<form method=\"post\" class=\"secret-form\" data-secret=\"").append(esc(name)).append("\" action=\"")
                    .append(esc(action)).append("\">");
            ProjectsSection.csrf(b, viewer);
            b.append("<input type=\"hidden\" name=\"name\" value=\"").append(esc(name)).append("\">")
                    .append(state(name, p.secrets().get(name)))
                    .append(" <input type=\"password\" name=\"value\" autocomplete=\"new-password\" aria-label=\"new value of ")
                    .append(esc(name)).append("\" placeholder=\"").append(set ? "replace with…" : "set to…").append("\">")
                    .append("<button type=\"submit\" name=\"action\" value=\"set\">").append(set ? "Replace" : "Set").append("</button>");
            if (set) {
                b.append("<button type=\"submit\" name=\"action\" value=\"clear\" class=\"delete\" formnovalidate>Clear</button>");
            }
            b.append("</form>");
        }
        b.append("<form method=\"post\" class=\"secret-form new\" action=\"").append(esc(action)).append("\">");
        ProjectsSection.csrf(b, viewer);
        b.append("<input name=\"name\" placeholder=\"env.VARIABLE\" aria-label=\"new secret name\">")
                .append(" <input type=\"password\" name=\"value\" autocomplete=\"new-password\" aria-label=\"new secret value\">")
                .append("<button type=\"submit\" name=\"action\" value=\"set\">Add secret</button></form></div>");
    }
}
