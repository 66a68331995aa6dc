package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.secret.Secret;
import java.util.Map;
import java.util.Optional;

/** Hermes's own secrets (the reply providers'), sealed in the credential store. */
public interface SystemSecrets {
    /** Name to last change (epoch ms) of every secret that is set. */
    Map<String, Long> list();

    void put(SystemSecret name, Secret value);

    /** @return whether it was set */
    boolean delete(SystemSecret name);

    /** The clear value, for the process that uses it. */
    Optional<Secret> read(SystemSecret name);
}
