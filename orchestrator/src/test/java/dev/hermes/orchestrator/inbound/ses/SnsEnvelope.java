package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test builder of SNS deliveries, signed the way AWS documents it (computed here independently of
 * the production code): {@code name\nvalue\n} of the covered fields in their fixed order.
 */
final class SnsEnvelope {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");
    private final Map<String, String> fields = new LinkedHashMap<>();

    static SnsEnvelope notification(String message) {
        SnsEnvelope e = new SnsEnvelope();
        e.fields.put("Type", "Notification");
        e.fields.put("MessageId", UUID.randomUUID().toString());
        e.fields.put("TopicArn", SnsTestKeys.TOPIC);
        e.fields.put("Subject", "Amazon SES Email Receipt Notification");
        e.fields.put("Message", message);
        e.fields.put("Timestamp", Instant.now().toString());
        e.fields.put("SignatureVersion", "1");
        e.fields.put("SigningCertURL", SnsTestKeys.CERT_URL);
        e.fields.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        return e;
    }

    static SnsEnvelope subscription(String subscribeUrl) {
        SnsEnvelope e = new SnsEnvelope();
        e.fields.put("Type", "SubscriptionConfirmation");
        e.fields.put("MessageId", UUID.randomUUID().toString());
        e.fields.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
        e.fields.put("TopicArn", SnsTestKeys.TOPIC);
        e.fields.put("Message", "You have chosen to subscribe to the topic " + SnsTestKeys.TOPIC);
        e.fields.put("SubscribeURL", subscribeUrl);
        e.fields.put("Timestamp", Instant.now().toString());
        e.fields.put("SignatureVersion", "1");
        e.fields.put("SigningCertURL", SnsTestKeys.CERT_URL);
        return e;
    }

    SnsEnvelope with(String name, String value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    /** Signs the current fields with {@code key} per the current SignatureVersion (1: SHA1, else SHA256). */
    SnsEnvelope signedBy(PrivateKey key) {
        StringBuilder canonical = new StringBuilder();
        List<String> covered = "Notification".equals(fields.get("Type")) ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
        for (String name : covered) {
            if (fields.containsKey(name)) {
                canonical.append(name).append('\n').append(fields.get(name)).append('\n');
            }
        }
        try {
            Signature s = Signature.getInstance("1".equals(fields.get("SignatureVersion")) ? "SHA1withRSA" : "SHA256withRSA");
            s.initSign(key);
            s.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            fields.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SnsEnvelope signed() {
        return signedBy(SnsTestKeys.get().key);
    }

    String type() {
        return fields.get("Type");
    }

    String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** An SES receipt notification with the MIME inline (SNS action, BASE64). */
    static String inlineReceipt(String sesMessageId, List<String> recipients, String mime) {
        return receipt(sesMessageId, recipients, Map.of("type", "SNS", "encoding", "BASE64",
                "topicArn", SnsTestKeys.TOPIC), Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8)));
    }

    /** An SES receipt notification for an S3 action (the MIME is in the bucket). */
    static String s3Receipt(String sesMessageId, List<String> recipients, String bucket, String key) {
        return receipt(sesMessageId, recipients, Map.of("type", "S3", "topicArn", SnsTestKeys.TOPIC,
                "bucketName", bucket, "objectKey", key, "objectKeyPrefix", ""), null);
    }

    private static String receipt(String id, List<String> recipients, Map<String, String> action, String content) {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", Instant.now().toString());
        mail.put("source", "alice@example.com");
        mail.put("messageId", id);
        mail.put("destination", recipients);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("timestamp", Instant.now().toString());
        receipt.put("recipients", recipients);
        receipt.put("action", action);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("notificationType", "Received");
        root.put("mail", mail);
        root.put("receipt", receipt);
        if (content != null) {
            root.put("content", content);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mime(String messageId, String subject, String body) {
        return "From: Alice <alice@example.com>\r\nTo: sample@hermes.localhost\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + messageId + ">\r\nDate: Sun, 22 Nov 2026 08:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }
}
