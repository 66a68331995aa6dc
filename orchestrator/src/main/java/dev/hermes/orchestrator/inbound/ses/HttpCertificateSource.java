package dev.hermes.orchestrator.inbound.ses;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Fetches the PEM with the JDK HTTP client: no redirects, short timeouts, at most 64 KiB. */
@Singleton
public class HttpCertificateSource implements CertificateSource {
    private static final int MAX_BYTES = 64 * 1024;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public X509Certificate fetch(URI url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UpstreamUnavailableException("signing certificate " + url, "HTTP " + response.statusCode(), null);
                }
                byte[] pem = in.readNBytes(MAX_BYTES + 1);
                if (pem.length > MAX_BYTES) {
                    throw new UpstreamUnavailableException("signing certificate " + url, "larger than " + MAX_BYTES + " bytes", null);
                }
                return parse(pem);
            }
        } catch (IOException | CertificateException e) {
            throw new UpstreamUnavailableException("signing certificate " + url, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("signing certificate " + url, "interrupted", e);
        }
    }

    static X509Certificate parse(byte[] pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }
}
