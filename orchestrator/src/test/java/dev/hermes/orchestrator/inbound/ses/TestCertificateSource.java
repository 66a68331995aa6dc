package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves the locally generated certificates at their pinned SNS URLs; no network. Records each fetch. */
@Singleton
@Replaces(HttpCertificateSource.class)
@Requires(property = "hermes.test.sns-fixtures", value = "true")
public class TestCertificateSource implements CertificateSource {
    final List<URI> fetched = new CopyOnWriteArrayList<>();

    @Override
    public X509Certificate fetch(URI url) {
        fetched.add(url);
        SnsTestKeys keys = SnsTestKeys.get();
        X509Certificate cert = Map.of(SnsTestKeys.CERT_URL, keys.cert, SnsTestKeys.EXPIRED_CERT_URL, keys.expiredCert)
                .get(url.toString());
        if (cert == null) {
            throw new UpstreamUnavailableException("signing certificate " + url, "HTTP 404", null);
        }
        return cert;
    }
}
