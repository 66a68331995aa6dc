package dev.hermes.orchestrator.reply;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Reply secrets from the configuration ({@code hermes.reply.*}: a property, an environment variable). */
@Singleton
public class ConfiguredReplyCredentials implements ReplyCredentials {
    private final Environment environment;

    public ConfiguredReplyCredentials(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String secret(ReplySecret name) {
        return environment.getProperty(name.property(), String.class).filter(s -> !s.isBlank())
                .orElseThrow(() -> new MissingCredentialException(name));
    }

    @Override
    public String toString() {
        return "ConfiguredReplyCredentials[***]";
    }
}
