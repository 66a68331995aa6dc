package dev.hermes.orchestrator.inbound.ses;

import java.net.URI;
import java.security.cert.X509Certificate;

/** Port: the SNS signing certificate behind a (pinned, already checked) {@code SigningCertURL}. */
public interface CertificateSource {
    /**
     * @throws UpstreamUnavailableException when it cannot be had now (retrying may help)
     */
    X509Certificate fetch(URI url);
}
