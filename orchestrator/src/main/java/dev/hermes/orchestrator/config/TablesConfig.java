package dev.hermes.orchestrator.config;

import dev.hermes.protocol.naming.TableNames;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code hermes.tables}: the table name prefix, and whether Hermes creates missing tables (local mode). */
@ConfigurationProperties("hermes.tables")
public record TablesConfig(@Bindable(defaultValue = TableNames.DEFAULT_PREFIX) String prefix,
                           @Bindable(defaultValue = "false") boolean create) {
    public TableNames names() {
        return new TableNames(prefix);
    }
}
