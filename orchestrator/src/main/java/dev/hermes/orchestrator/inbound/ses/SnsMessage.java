package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * One SNS delivery (HTTP body or SQS message body), its fields as SNS names them. Only the fields
 * that the signature covers are trusted, and only after {@link SnsSignatureVerifier} said so.
 */
public record SnsMessage(String type, String messageId, String topicArn, String timestamp, String signatureVersion,
                         String signature, String signingCertUrl, String message, @Nullable String subject,
                         @Nullable String token, @Nullable String subscribeUrl) {
    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    public SnsMessage {
        Objects.requireNonNull(type, "Type");
        Objects.requireNonNull(messageId, "MessageId");
        Objects.requireNonNull(topicArn, "TopicArn");
        Objects.requireNonNull(timestamp, "Timestamp");
        Objects.requireNonNull(signatureVersion, "SignatureVersion");
        Objects.requireNonNull(signature, "Signature");
        Objects.requireNonNull(signingCertUrl, "SigningCertURL");
        Objects.requireNonNull(message, "Message");
    }

    /** From the JSON fields; a missing required field or an unknown type is a 400. */
    static SnsMessage of(Map<String, String> f) {
        String type = f.get("Type");
        if (!NOTIFICATION.equals(type) && !SUBSCRIPTION_CONFIRMATION.equals(type) && !UNSUBSCRIBE_CONFIRMATION.equals(type)) {
            throw RejectedException.badRequest("unknown_sns_type", "Type must be Notification, SubscriptionConfirmation"
                    + " or UnsubscribeConfirmation");
        }
        for (String name : new String[] {"MessageId", "TopicArn", "Timestamp", "SignatureVersion", "Signature",
                "SigningCertURL", "Message"}) {
            require(f, name);
        }
        if (!NOTIFICATION.equals(type)) {
            require(f, "Token");
            require(f, "SubscribeURL");
        }
        return new SnsMessage(type, f.get("MessageId"), f.get("TopicArn"), f.get("Timestamp"), f.get("SignatureVersion"),
                f.get("Signature"), f.get("SigningCertURL"), f.get("Message"), f.get("Subject"), f.get("Token"),
                f.get("SubscribeURL"));
    }

    private static void require(Map<String, String> f, String name) {
        if (f.get(name) == null || f.get(name).isEmpty()) {
            throw RejectedException.badRequest("missing_field", "the SNS message has no " + name);
        }
    }

    /** AWS's documented string to sign: {@code name\nvalue\n} for each covered field, in this order. */
    public String stringToSign() {
        StringBuilder b = new StringBuilder();
        append(b, "Message", message);
        append(b, "MessageId", messageId);
        if (NOTIFICATION.equals(type)) {
            if (subject != null) {
                append(b, "Subject", subject);
            }
            append(b, "Timestamp", timestamp);
            append(b, "TopicArn", topicArn);
        } else {
            append(b, "SubscribeURL", subscribeUrl);
            append(b, "Timestamp", timestamp);
            append(b, "Token", token);
            append(b, "TopicArn", topicArn);
        }
        append(b, "Type", type);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        b.append(name).append('\n').append(value).append('\n');
    }

    @Override
    public String toString() {
        return "SnsMessage[type=" + type + ", messageId=" + messageId + ", topicArn=" + topicArn + "]";
    }
}
