package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser's requests to the shared test Hermes's ops page: HTML navigations and form posts, with or without a session cookie. */
final class OpsHttp {
    private OpsHttp() {
    }

    static HttpResponse<String> get(String path, String cookie) {
        return TestHermes.send(TestHermes.request(path).header("Accept", "text/html").header("Cookie", cookie).GET());
    }

    static HttpResponse<String> form(String path, String cookie, String body) {
        HttpRequest.Builder b = TestHermes.request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return TestHermes.send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
