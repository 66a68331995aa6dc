package dev.hermes.orchestrator.inbound.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.intake.email}: the limits MIME parsing enforces before anything is written. More
 * header fields or a longer header line than allowed is {@code 400 header_limit}; a longer
 * instruction is {@code 413 instruction_too_long}.
 */
@ConfigurationProperties("hermes.intake.email")
public record EmailIntakeConfig(@Bindable(defaultValue = "200") int maxHeaderFields,
                                @Bindable(defaultValue = "8192") int maxHeaderLineBytes,
                                @Bindable(defaultValue = "20000") int maxInstructionChars) {
    public static final EmailIntakeConfig DEFAULTS = new EmailIntakeConfig(200, 8192, 20_000);

    public EmailIntakeConfig {
        if (maxHeaderFields < 1 || maxHeaderLineBytes < 78 || maxInstructionChars < 1) {
            throw new IllegalArgumentException("hermes.intake.email limits must be positive (header lines at least 78 bytes)");
        }
    }
}
