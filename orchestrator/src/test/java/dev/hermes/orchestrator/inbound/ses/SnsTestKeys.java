package dev.hermes.orchestrator.inbound.ses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A locally generated RSA key and self-signed certificate standing in for the SNS signing
 * certificate (made with the JDK's keytool, once per JVM), an expired one, and an unrelated key.
 */
final class SnsTestKeys {
    static final String CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";
    static final String EXPIRED_CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-expired.pem";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:hermes-inbound-email";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SnsTestKeys instance;
    final PrivateKey key;
    final X509Certificate cert;
    final PrivateKey expiredKey;
    final X509Certificate expiredCert;
    final PrivateKey wrongKey;

    private SnsTestKeys(PrivateKey key, X509Certificate cert, PrivateKey expiredKey, X509Certificate expiredCert,
                        PrivateKey wrongKey) {
        this.key = key;
        this.cert = cert;
        this.expiredKey = expiredKey;
        this.expiredCert = expiredCert;
        this.wrongKey = wrongKey;
    }

    static synchronized SnsTestKeys get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("sns-keys");
                Path store = dir.resolve("sns.p12");
                keytool(store, "sns", List.of("-validity", "2"));
                keytool(store, "old", List.of("-startdate", "2020/01/01", "-validity", "10"));
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, PASSWORD);
                }
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                instance = new SnsTestKeys((PrivateKey) ks.getKey("sns", PASSWORD), (X509Certificate) ks.getCertificate("sns"),
                        (PrivateKey) ks.getKey("old", PASSWORD), (X509Certificate) ks.getCertificate("old"),
                        rsa.generateKeyPair().getPrivate());
            } catch (Exception e) {
                throw new IllegalStateException("could not generate the test SNS certificate", e);
            }
        }
        return instance;
    }

    private static void keytool(Path store, String alias, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=sns.amazonaws.com", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
