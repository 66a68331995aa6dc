package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.inbound.ses}: SES receipts.
 *
 * @param s3Enabled    fetch the MIME of S3-action receipts with the S3 client (off in local mode: no S3 there)
 * @param maxMailBytes larger stored messages are refused (413)
 */
@ConfigurationProperties("hermes.inbound.ses")
public record SesConfig(@Bindable(defaultValue = "true") boolean s3Enabled,
                        @Bindable(defaultValue = "10485760") int maxMailBytes) {
    public SesConfig {
        if (maxMailBytes < 1024) {
            throw new IllegalArgumentException("hermes.inbound.ses.max-mail-bytes must be >= 1024");
        }
    }
}
