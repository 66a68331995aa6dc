package dev.hermes.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as each provider documents them, written out here independently of Hermes's verifiers
 * so a test proves the wire format, not agreement with itself.
 */
final class ProviderSigning {
    private ProviderSigning() {
    }

    /** Twilio: base64(HMAC-SHA1(auth token, URL + name1 + value1 + name2 + value2 … sorted by name)). */
    static String twilio(String authToken, String url, Map<String, String> params) {
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(null);
        StringBuilder data = new StringBuilder(url);
        for (String name : names) {
            data.append(name).append(params.get(name));
        }
        return Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", authToken.getBytes(StandardCharsets.UTF_8), data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Slack v0: "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)). */
    static String slack(String signingSecret, String timestamp, byte[] body) {
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        return "v0=" + HexFormat.of().formatHex(hmac("HmacSHA256", signingSecret.getBytes(StandardCharsets.UTF_8),
                concat(prefix, body)));
    }

    /** Standard Webhooks: "v1," + base64(HMAC-SHA256(base64-decoded whsec_ secret, id + "." + ts + "." + body)). */
    static String standardWebhook(String whsecSecret, String id, String timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, concat(prefix, body)));
    }

    static String nowSeconds() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
