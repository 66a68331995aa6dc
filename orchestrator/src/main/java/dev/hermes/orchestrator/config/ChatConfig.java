package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Base64;

/**
 * {@code hermes.inbound.chat}: the Standard Webhooks secret of {@code POST /webhooks/chat}, written
 * {@code whsec_} + base64 of the key bytes. Never logged.
 */
@ConfigurationProperties("hermes.inbound.chat")
public record ChatConfig(String secret) {
    public static final String PREFIX = "whsec_";

    public ChatConfig {
        if (secret == null || !secret.startsWith(PREFIX) || keyOf(secret).length < 16) {
            throw new IllegalArgumentException("hermes.inbound.chat.secret must be whsec_ + base64 of 16+ bytes");
        }
    }

    /** The HMAC key: the base64 part of the secret, decoded. */
    public byte[] key() {
        return keyOf(secret);
    }

    /** The key bytes of a {@code whsec_} secret; empty when it is not one. */
    public static byte[] keyOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    @Override
    public String toString() {
        return "ChatConfig[secret=***]";
    }
}
