package dev.hermes.infra.compute;

/**
 * Intake endpoints that exist only when their secret is configured. Email (MIME webhook, SNS and the
 * {@code inbound-email} queue) is always on.
 */
public enum OptionalChannel {
    /** {@code POST /webhooks/sms/twilio}: secret {@code twilio-auth-token}. */
    SMS("twilio-auth-token", "HERMES_INBOUND_TWILIO_AUTH_TOKEN"),
    /** {@code POST /webhooks/chat/slack}: secret {@code slack-signing-secret}. */
    SLACK("slack-signing-secret", "HERMES_INBOUND_SLACK_SIGNING_SECRET"),
    /** {@code POST /webhooks/chat}: secret {@code chat-secret} ({@code whsec_…}). */
    CHAT("chat-secret", "HERMES_INBOUND_CHAT_SECRET");

    private final String secretName;
    private final String variable;

    OptionalChannel(String secretName, String variable) {
        this.secretName = secretName;
        this.variable = variable;
    }

    public String secretName() {
        return secretName;
    }

    public String variable() {
        return variable;
    }
}
