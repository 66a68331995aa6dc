package dev.hermes.orchestrator.inbound.ses;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors for AWS's SNS signature algorithm, signed with a local key whose certificate is served at a pinned URL. */
class SnsSignatureVerifierTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final TestCertificateSource certificates = new TestCertificateSource();
    private final SnsSignatureVerifier verifier = new SnsSignatureVerifier(new SnsConfig(List.of(SnsTestKeys.TOPIC),
            SnsConfig.DEFAULT_CERT_URL_PATTERN, SnsConfig.DEFAULT_SUBSCRIBE_HOST_PATTERN, HOUR, 1 << 20),
            certificates, Clock.systemUTC());
    private final SnsMessageReader reader = new SnsMessageReader(JsonMapper.createDefault());

    private void verify(SnsEnvelope e) {
        verifier.verify(reader.read(e.bytes()), HOUR);
    }

    private String rejected(SnsEnvelope e) {
        RejectedException r = assertThrows(RejectedException.class, () -> verify(e));
        assertEquals(403, r.status());
        return r.code();
    }

    @Test
    void validVersion1Notification() {
        assertDoesNotThrow(() -> verify(SnsEnvelope.notification("hello").signed()));
    }

    @Test
    void validVersion2Notification() {
        assertDoesNotThrow(() -> verify(SnsEnvelope.notification("hello").with("SignatureVersion", "2").signed()));
    }

    @Test
    void validNotificationWithoutSubject() {
        assertDoesNotThrow(() -> verify(SnsEnvelope.notification("hello").with("Subject", null).signed()));
    }

    @Test
    void validSubscriptionConfirmationBothVersions() {
        assertDoesNotThrow(() -> verify(SnsEnvelope.subscription("https://sns.us-east-1.amazonaws.com/?Action=Confirm").signed()));
        assertDoesNotThrow(() -> verify(SnsEnvelope.subscription("https://sns.us-east-1.amazonaws.com/?Action=Confirm")
                .with("SignatureVersion", "2").signed()));
    }

    @Test
    void version1SignatureDoesNotPassAsVersion2() {
        assertEquals("bad_signature", rejected(SnsEnvelope.notification("hello").signed().with("SignatureVersion", "2")));
    }

    @Test
    void wrongKey() {
        assertEquals("bad_signature", rejected(SnsEnvelope.notification("hello").signedBy(SnsTestKeys.get().wrongKey)));
    }

    @Test
    void tamperedMessage() {
        assertEquals("bad_signature", rejected(SnsEnvelope.notification("hello").signed().with("Message", "hellO")));
    }

    @Test
    void tamperedSubscribeUrl() {
        assertEquals("bad_signature", rejected(SnsEnvelope.subscription("https://sns.us-east-1.amazonaws.com/?Action=Confirm")
                .signed().with("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Other")));
    }

    @Test
    void tamperedTopicArnIsNotAllowedAndAnAllowedOneStillNeedsTheSignature() {
        assertEquals("topic_not_allowed", rejected(SnsEnvelope.notification("hello").signed()
                .with("TopicArn", "arn:aws:sns:us-east-1:123456789012:other")));
        SnsSignatureVerifier two = new SnsSignatureVerifier(new SnsConfig(List.of(SnsTestKeys.TOPIC,
                "arn:aws:sns:us-east-1:123456789012:other"), SnsConfig.DEFAULT_CERT_URL_PATTERN,
                SnsConfig.DEFAULT_SUBSCRIBE_HOST_PATTERN, HOUR, 1 << 20), certificates, Clock.systemUTC());
        RejectedException r = assertThrows(RejectedException.class, () -> two.verify(reader.read(SnsEnvelope.notification("hello")
                .signed().with("TopicArn", "arn:aws:sns:us-east-1:123456789012:other").bytes()), HOUR));
        assertEquals("bad_signature", r.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/x.pem", "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem",
            "https://sns.us-east-1.amazonaws.com.evil.com/x.pem", "https://sns.us-east-1.amazonaws.com@evil.com/x.pem",
            "https://sns.us-east-1.amazonaws.com:8443/x.pem", "https://sns.us-east-1.amazonaws.com/x.pem?y=.pem",
            "https://sns.us-east-1.amazonaws.com/x.txt", "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem"})
    void unpinnedCertificateUrlIsRefusedAndNeverFetched(String url) {
        assertEquals("untrusted_cert_url", rejected(SnsEnvelope.notification("hello").with("SigningCertURL", url).signed()));
        assertTrue(certificates.fetched.isEmpty(), "fetched " + certificates.fetched);
    }

    @Test
    void staleAndFutureTimestamps() {
        assertEquals("stale_message", rejected(SnsEnvelope.notification("hello")
                .with("Timestamp", Instant.now().minus(Duration.ofMinutes(61)).toString()).signed()));
        assertEquals("stale_message", rejected(SnsEnvelope.notification("hello")
                .with("Timestamp", Instant.now().plus(Duration.ofMinutes(10)).toString()).signed()));
        assertEquals("bad_timestamp", rejected(SnsEnvelope.notification("hello").with("Timestamp", "yesterday").signed()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "", "1.0", "SHA1"})
    void unknownSignatureVersion(String version) {
        SnsEnvelope e = SnsEnvelope.notification("hello").signed().with("SignatureVersion", version);
        if (version.isEmpty()) {
            assertEquals(400, assertThrows(RejectedException.class, () -> verify(e)).status());
        } else {
            assertEquals("unknown_signature_version", rejected(e));
        }
    }

    @Test
    void signatureThatIsNotBase64() {
        assertEquals("bad_signature", rejected(SnsEnvelope.notification("hello").signed().with("Signature", "%%%")));
    }

    @Test
    void expiredCertificate() {
        assertEquals("invalid_certificate", rejected(SnsEnvelope.notification("hello")
                .with("SigningCertURL", SnsTestKeys.EXPIRED_CERT_URL).signedBy(SnsTestKeys.get().expiredKey)));
    }

    @Test
    void theCertificateIsFetchedOnceAndCached() {
        verify(SnsEnvelope.notification("one").signed());
        verify(SnsEnvelope.notification("two").with("SignatureVersion", "2").signed());
        assertEquals(1, certificates.fetched.size());
    }

    @Test
    void emptyAllowListRefusesEverything() {
        SnsSignatureVerifier none = new SnsSignatureVerifier(new SnsConfig(null, SnsConfig.DEFAULT_CERT_URL_PATTERN,
                SnsConfig.DEFAULT_SUBSCRIBE_HOST_PATTERN, HOUR, 1 << 20), certificates, Clock.systemUTC());
        RejectedException r = assertThrows(RejectedException.class, () -> none.verify(reader.read(
                SnsEnvelope.notification("hello").signed().bytes()), HOUR));
        assertEquals("topic_not_allowed", r.code());
        assertTrue(certificates.fetched.isEmpty());
    }
}
