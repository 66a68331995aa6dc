package dev.hermes.orchestrator.ops;

import static dev.hermes.orchestrator.ops.Html.esc;

import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.ProjectRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The projects: settings, which secrets are set (never a value), deleted or live. An operator gets a
 * form to create one and, per project, one to edit it, delete or restore it; an admin also one form
 * per secret to replace it (an empty password field, never filled in) or clear it.
 */
final class ProjectsSection {
    private ProjectsSection() {
    }

    static void render(StringBuilder b, List<ProjectRecord> projects, OpsGuard.Viewer viewer, long now) {
        b.append("<section id=\"projects\"><h2>Projects</h2>");
        if (projects.isEmpty()) {
            b.append("<p class=\"empty\">No projects yet.</p>");
        } else {
            b.append("<table><thead><tr><th>Project</th><th>Repository</th><th>Branch</th><th>Agent</th>")
                    .append("<th>Secrets</th><th>Updated</th><th></th></tr></thead><tbody>");
            for (ProjectRecord p : projects) {
                row(b, p, viewer, now);
            }
            b.append("</tbody></table>");
        }
        if (viewer.may(Role.OPERATOR)) {
            b.append("<details class=\"manage\" id=\"new-project\"><summary>New project</summary>");
            form(b, "/ops/projects", viewer, null, "Create project");
            b.append("</details>");
        }
        b.append("</section>");
    }

    private static void row(StringBuilder b, ProjectRecord p, OpsGuard.Viewer viewer, long now) {
        Project s = p.settings();
        String id = s.id().value();
        b.append("<tr data-project=\"").append(esc(id)).append("\"").append(p.deleted() ? " class=\"deleted\"" : "")
                .append("><td class=\"key\">").append(esc(id)).append(p.deleted() ? " " + Html.badge("DELETED") : "")
                .append("</td><td><code>").append(esc(Html.cut(s.repoUrl(), 60))).append("</code></td><td><code>")
                .append(esc(s.defaultBranch())).append("</code></td><td><code>")
                .append(esc(Html.cut(String.join(" ", s.agentArgv()), 60))).append("</code> <span class=\"muted\">")
                .append(s.agentTimeoutSeconds()).append(" s, ").append(esc(s.preemptPolicy().wireName()))
                .append("</span></td><td class=\"secrets\">").append(secretStates(p)).append("</td><td>")
                .append(Html.time(p.updatedAt(), now)).append("</td><td class=\"actions\">");
        if (viewer.may(Role.OPERATOR)) {
            String base = "/ops/projects/" + Html.url(id);
            if (p.deleted()) {
                button(b, base + "/restore", viewer, "Restore", "restore");
            } else {
                b.append("<details class=\"manage\"><summary>Edit</summary>");
                form(b, base, viewer, p, "Save");
                if (viewer.may(Role.ADMIN)) {
                    SecretForms.render(b, base + "/secrets", viewer, p);
                } else {
                    b.append("<p class=\"muted\">Secrets are set by an admin.</p>");
                }
                b.append("</details>");
                button(b, base + "/delete", viewer, "Delete", "delete");
            }
        }
        b.append("</td></tr>");
    }

    private static String secretStates(ProjectRecord p) {
        StringBuilder b = new StringBuilder();
        b.append(SecretForms.state(SecretForms.GIT_TOKEN, p.secrets().get(SecretForms.GIT_TOKEN)));
        p.secrets().keySet().stream().filter(n -> !n.equals(SecretForms.GIT_TOKEN)).sorted()
                .forEach(n -> b.append(' ').append(SecretForms.state(n, p.secrets().get(n))));
        return b.toString();
    }

    /** The settings form, empty to create a project or filled with a project's settings (no secrets). */
    private static void form(StringBuilder b, String action, OpsGuard.Viewer viewer, ProjectRecord p, String submit) {
        Project s = p == null ? null : p.settings();
        b.append("<form method=\"post\" class=\"project-form\" action=\"").append(esc(action)).append("\">");
        csrf(b, viewer);
        if (s == null) {
            field(b, "projectId", "Project id", "", "lower case a-z, 0-9 and -");
        }
        field(b, "repoUrl", "Repository URL", s == null ? "" : s.repoUrl(), "https://…, ssh://…, or an absolute path");
        field(b, "defaultBranch", "Default branch", s == null ? "main" : s.defaultBranch(), "");
        area(b, "argv", "Agent command (one argument a line)", s == null ? "" : String.join("\n", s.agentArgv()));
        area(b, "env", "Agent environment (NAME=value a line; not for secrets)", s == null ? ""
                : s.agentEnv().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        field(b, "timeoutSeconds", "Timeout, seconds", s == null ? "1800" : Integer.toString(s.agentTimeoutSeconds()), "");
        field(b, "outputCapBytes", "Output cap, bytes", s == null ? Long.toString(Project.DEFAULT_OUTPUT_CAP_BYTES)
                : Long.toString(s.agentOutputCapBytes()), "");
        b.append("<label>Preempted command <select name=\"preempt\">");
        for (String policy : List.of("resume", "interrupt")) {
            b.append("<option value=\"").append(policy).append("\"")
                    .append(s != null && s.preemptPolicy().wireName().equals(policy) ? " selected" : "")
                    .append(">").append(policy).append("</option>");
        }
        b.append("</select></label>");
        field(b, "gitUsername", "Git user name (with git.token)", p == null || p.gitUsername() == null ? "" : p.gitUsername(), "");
        b.append("<button type=\"submit\">").append(esc(submit)).append("</button></form>");
    }

    private static void field(StringBuilder b, String name, String label, String value, String hint) {
        b.append("<label>").append(esc(label)).append(" <input name=\"").append(name).append("\" value=\"")
                .append(esc(value)).append("\"").append(hint.isEmpty() ? "" : " placeholder=\"" + esc(hint) + "\"")
                .append("></label>");
    }

    private static void area(StringBuilder b, String name, String label, String value) {
        b.append("<label>").append(esc(label)).append(" <textarea name=\"").append(name).append("\" rows=\"3\">")
                .append(esc(value)).append("</textarea></label>");
    }

    static void csrf(StringBuilder b, OpsGuard.Viewer viewer) {
        b.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(viewer.csrf())).append("\">");
    }

    static void button(StringBuilder b, String action, OpsGuard.Viewer viewer, String label, String cls) {
        b.append("<form method=\"post\" class=\"inline\" action=\"").append(esc(action)).append("\">");
        csrf(b, viewer);
        b.append("<button type=\"submit\" class=\"").append(esc(cls)).append("\">").append(esc(label)).append("</button></form>");
    }
}
