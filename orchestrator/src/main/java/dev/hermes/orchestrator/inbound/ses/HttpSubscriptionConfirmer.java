package dev.hermes.orchestrator.inbound.ses;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs the SubscribeURL with the JDK HTTP client, following no redirects. */
@Singleton
public class HttpSubscriptionConfirmer implements SubscriptionConfirmer {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public void confirm(URI subscribeUrl) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(subscribeUrl).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SNS answered the subscription confirmation with HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("subscription confirmation failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("subscription confirmation interrupted", e);
        }
    }
}
