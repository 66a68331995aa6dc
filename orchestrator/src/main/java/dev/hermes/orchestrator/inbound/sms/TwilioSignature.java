package dev.hermes.orchestrator.inbound.sms;

import dev.hermes.orchestrator.config.TwilioConfig;
import dev.hermes.orchestrator.inbound.Hmac;
import dev.hermes.orchestrator.inbound.RejectedException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Twilio's request validation: {@code X-Twilio-Signature} = base64(HMAC-SHA1(auth token, URL +
 * each POST parameter's name and value, sorted by name)). The URL is the configured public one.
 */
@Singleton
public class TwilioSignature {
    private final byte[] authToken;
    private final String publicUrl;

    public TwilioSignature(TwilioConfig config) {
        this.authToken = config.authToken().getBytes(StandardCharsets.UTF_8);
        this.publicUrl = config.publicUrl();
    }

    public void verify(FormBody form, String presented) {
        if (presented == null || presented.isBlank()) {
            throw new RejectedException(401, "missing_signature", "the X-Twilio-Signature header is missing");
        }
        if (!Hmac.matches(sign(authToken, publicUrl, form), presented.strip())) {
            throw new RejectedException(401, "bad_signature", "X-Twilio-Signature does not match the request");
        }
    }

    static String sign(byte[] authToken, String publicUrl, FormBody form) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(form.params());
        sorted.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder data = new StringBuilder(publicUrl);
        sorted.forEach(e -> data.append(e.getKey()).append(e.getValue()));
        byte[] mac = Hmac.sha1(authToken, data.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }
}
