package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.RejectedException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's documented SNS message verification (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA),
 * cheapest checks first; the certificate is fetched only once its URL passed the pin, and kept in a
 * small LRU cache. Every failure is a 403 with a one-line reason.
 */
@Singleton
public class SnsSignatureVerifier {
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 32;
    private static final Pattern CERT_HOST = Pattern.compile("sns\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
    private final CertificateSource certificates;
    private final Clock clock;
    private final Set<String> topicArns;
    private final Pattern certUrl;
    private final Map<String, X509Certificate> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public SnsSignatureVerifier(SnsConfig config, CertificateSource certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
        this.topicArns = Set.copyOf(config.topicArns());
        this.certUrl = config.certUrl();
    }

    /** Returns normally only for an authentic, fresh message from an allowed topic. */
    public void verify(SnsMessage m, Duration maxAge) {
        String algorithm = algorithm(m.signatureVersion());
        if (!topicArns.contains(m.topicArn())) {
            throw reject("topic_not_allowed", "TopicArn is not in hermes.inbound.sns.topic-arns");
        }
        checkTimestamp(m.timestamp(), maxAge);
        URI url = pinnedCertUrl(m.signingCertUrl(), m.topicArn());
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(m.signature());
        } catch (IllegalArgumentException e) {
            throw reject("bad_signature", "Signature is not base64");
        }
        X509Certificate cert = certificate(url);
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw reject("invalid_certificate", "the signing certificate is not valid now");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(m.stringToSign().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw reject("bad_signature", "the SNS signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw reject("bad_signature", "the SNS signature cannot be verified");
        }
    }

    private static String algorithm(String version) {
        if ("1".equals(version)) {
            return "SHA1withRSA";
        }
        if ("2".equals(version)) {
            return "SHA256withRSA";
        }
        throw reject("unknown_signature_version", "SignatureVersion must be 1 or 2");
    }

    private void checkTimestamp(String timestamp, Duration maxAge) {
        Instant signed;
        try {
            signed = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw reject("bad_timestamp", "Timestamp is not an ISO-8601 instant");
        }
        Instant now = clock.instant();
        if (signed.isBefore(now.minus(maxAge)) || signed.isAfter(now.plus(FUTURE_SKEW))) {
            throw reject("stale_message", "Timestamp is outside the accepted window of " + maxAge);
        }
    }

    /** The configured pattern, plus: https, no user info, no port, and the topic's own region. */
    URI pinnedCertUrl(String raw, String topicArn) {
        if (!certUrl.matcher(raw).matches()) {
            throw reject("untrusted_cert_url", "SigningCertURL does not match the pinned pattern");
        }
        URI url;
        try {
            url = new URI(raw);
        } catch (URISyntaxException e) {
            throw reject("untrusted_cert_url", "SigningCertURL is not a URL");
        }
        if (!"https".equals(url.getScheme()) || url.getRawUserInfo() != null || url.getPort() != -1
                || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw reject("untrusted_cert_url", "SigningCertURL must be a plain https URL");
        }
        Matcher host = CERT_HOST.matcher(url.getHost());
        String[] arn = topicArn.split(":", 6);
        if (host.matches() && (arn.length < 6 || !arn[3].equals(host.group(1)))) {
            throw reject("untrusted_cert_url", "SigningCertURL is not in the topic's region");
        }
        return url;
    }

    private X509Certificate certificate(URI url) {
        String key = url.toString();
        synchronized (cache) {
            X509Certificate cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        X509Certificate fetched = certificates.fetch(url);
        synchronized (cache) {
            cache.put(key, fetched);
        }
        return fetched;
    }

    private static RejectedException reject(String code, String reason) {
        return new RejectedException(403, code, reason);
    }
}
