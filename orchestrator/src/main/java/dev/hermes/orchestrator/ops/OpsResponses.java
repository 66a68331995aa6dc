package dev.hermes.orchestrator.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/** The headers every ops response carries: no caching, no framing, no sniffing, scripts and styles from itself only. */
final class OpsResponses {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private OpsResponses() {
    }

    static MutableHttpResponse<String> html(HttpStatus status, String body) {
        return secure(HttpResponse.<String>status(status).body(body).contentType(MediaType.TEXT_HTML_TYPE));
    }

    static MutableHttpResponse<Object> seeOther(String location) {
        return secure(HttpResponse.seeOther(URI.create(location)));
    }

    static <T> MutableHttpResponse<T> secure(MutableHttpResponse<T> r) {
        return r.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }

    /** A browser navigation (it asks for HTML) rather than an API client. */
    static boolean wantsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}
