package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an SES receipt notification ({@code notificationType: Received}) that the intake
 * needs: the SES message id, the envelope recipients, and where the MIME is (inline or in S3).
 */
public record SesReceipt(String messageId, List<String> recipients, String actionType, @Nullable String encoding,
                         @Nullable String content, @Nullable String bucketName, @Nullable String objectKey) {
    private static final Pattern SES_ID = Pattern.compile("[A-Za-z0-9._+-]{1,200}");
    private static final int MAX_RECIPIENTS = 100;

    public SesReceipt {
        recipients = List.copyOf(recipients);
    }

    /** True for {@code notificationType: Received}; other SES notifications (setup, bounces) are not mail. */
    static boolean isReceipt(JsonNode root) {
        return root.isObject() && "Received".equals(text(root, "notificationType"));
    }

    static SesReceipt parse(JsonNode root) {
        JsonNode mail = root.get("mail");
        JsonNode receipt = root.get("receipt");
        if (mail == null || receipt == null || !mail.isObject() || !receipt.isObject()) {
            throw RejectedException.badRequest("invalid_ses_receipt", "the SES receipt has no mail or receipt object");
        }
        String messageId = text(mail, "messageId");
        if (messageId == null || !SES_ID.matcher(messageId).matches()) {
            throw RejectedException.badRequest("invalid_ses_receipt", "the SES receipt has no valid mail.messageId");
        }
        JsonNode action = receipt.get("action");
        String type = action == null ? null : text(action, "type");
        if (type == null) {
            throw RejectedException.badRequest("invalid_ses_receipt", "the SES receipt has no receipt.action.type");
        }
        List<String> recipients = new ArrayList<>();
        JsonNode list = receipt.get("recipients");
        if (list != null && list.isArray()) {
            for (JsonNode r : list.values()) {
                if (r.isString() && recipients.size() < MAX_RECIPIENTS) {
                    recipients.add(r.getStringValue());
                }
            }
        }
        return new SesReceipt(messageId, recipients, type, text(action, "encoding"), text(root, "content"),
                text(action, "bucketName"), text(action, "objectKey"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.getStringValue() : null;
    }
}
