package dev.hermes.orchestrator.commit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.intake.commit}: how many transactions of the group committer may be in flight at
 * once ({@code workers}). One keeps the batches largest; more trade batch size for concurrency
 * when each request to DynamoDB takes long.
 */
@ConfigurationProperties("hermes.intake.commit")
public record CommitConfig(@Bindable(defaultValue = "1") int workers) {
    public CommitConfig {
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("hermes.intake.commit.workers must be 1 to 16: " + workers);
        }
    }
}
