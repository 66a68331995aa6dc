package dev.hermes.orchestrator.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The SMS and chat webhook secrets of a local instance, fresh at each start: a Twilio auth token
 * (32 hex, as Twilio's), a Slack signing secret and a Standard Webhooks {@code whsec_} secret.
 * They go to the configuration and to the owner-only instance file, never to the console.
 */
record ChannelSecrets(String twilioAuthToken, String slackSigningSecret, String chatSecret) {
    static final String TWILIO_PATH = "/webhooks/sms/twilio";

    static ChannelSecrets generate() {
        SecureRandom random = new SecureRandom();
        return new ChannelSecrets(HexFormat.of().formatHex(bytes(random, 16)), HexFormat.of().formatHex(bytes(random, 16)),
                "whsec_" + Base64.getEncoder().encodeToString(bytes(random, 32)));
    }

    Map<String, Object> properties(String baseUrl, String slackBotUser) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("hermes.inbound.twilio.auth-token", twilioAuthToken);
        props.put("hermes.inbound.twilio.public-url", baseUrl + TWILIO_PATH);
        props.put("hermes.inbound.slack.signing-secret", slackSigningSecret);
        props.put("hermes.inbound.slack.bot-user-id", slackBotUser);
        props.put("hermes.inbound.chat.secret", chatSecret);
        // One secret both ways, as a Standard Webhooks endpoint pair usually shares: replies are signed with it.
        props.put("hermes.reply.chat.secret", chatSecret);
        return props;
    }

    void writeTo(Properties instance, String baseUrl) {
        instance.setProperty("twilioUrl", baseUrl + TWILIO_PATH);
        instance.setProperty("twilioAuthToken", twilioAuthToken);
        instance.setProperty("slackSigningSecret", slackSigningSecret);
        instance.setProperty("chatSecret", chatSecret);
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "ChannelSecrets[***]";
    }
}
