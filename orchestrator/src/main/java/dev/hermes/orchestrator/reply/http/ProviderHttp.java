package dev.hermes.orchestrator.reply.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.reply.ReplyFailedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One provider's HTTP client: connect and request timeouts, no redirects followed (a redirect is
 * never where a reply was meant to go), and the translation of what went wrong into a
 * {@link ReplyFailedException} that says whether a retry can help.
 */
public final class ProviderHttp {
    /** A Retry-After beyond this is not waited for in one step; the backoff takes over. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;

    public ProviderHttp(String provider, Duration connectTimeout, Duration requestTimeout) {
        this.provider = provider;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends it; answers any response, or throws a retryable failure when none came. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw ReplyFailedException.retryable(provider + " timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ReplyFailedException.retryable(provider + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReplyFailedException.retryable(provider + " call interrupted", e);
        }
    }

    /**
     * The failure a non-success status stands for: 429 (honouring Retry-After), 408 and 5xx are
     * retried; 401/403 too, since credentials can be fixed while a reply waits; a redirect and any
     * other 4xx say the request itself is wrong, and are final.
     */
    public ReplyFailedException failure(HttpResponse<String> response, String detail) {
        int status = response.statusCode();
        String reason = provider + " answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (status == 429) {
            return ReplyFailedException.throttled(reason, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status == 408 || status >= 500 || status == 401 || status == 403) {
            return ReplyFailedException.retryable(reason);
        }
        return ReplyFailedException.permanent(reason);
    }

    /** Retry-After as seconds or as an HTTP date; zero when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(Instant.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException unreadable) {
                return Duration.ZERO;
            }
        }
        return d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    /** A provider's error text, short enough for the outbox and free of line breaks. */
    public static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    /** A provider's JSON answer; an empty object when the body is empty or not JSON. */
    public static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Text as a JSON string literal. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
