package dev.hermes.orchestrator.ops;

/** The login form: the operator pastes the token once and gets a session cookie. The token is never echoed. */
final class LoginPage {
    private LoginPage() {
    }

    static String render(boolean refused) {
        StringBuilder b = new StringBuilder(2048);
        OpsPage.head(b, "Hermes ops: log in");
        b.append("<main class=\"login\"><h1>Hermes <span>ops</span></h1>");
        if (refused) {
            b.append("<p class=\"notice error\" role=\"alert\">That token is not valid.</p>");
        }
        b.append("<form method=\"post\" action=\"/ops/login\" id=\"login\">")
                .append("<label for=\"token\">API token</label>")
                .append("<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"off\" required autofocus>")
                .append("<button type=\"submit\">Log in</button></form>")
                .append("<p class=\"muted\">The bearer token of the ops API (<code>hermes.api.token</code>). ")
                .append("Locally, <code>./hermes up</code> writes it as <code>apiToken</code> to ")
                .append("<code>.hermes/instance.properties</code>. The session lasts until you log out, ")
                .append("it expires, or the orchestrator restarts.</p></main></body></html>");
        return b.toString();
    }
}
