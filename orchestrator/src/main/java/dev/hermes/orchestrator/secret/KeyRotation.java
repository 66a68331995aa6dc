package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.secret.KeyRef;

/** Makes a new master key current: new values are sealed under it, older ones stay readable. */
public interface KeyRotation {
    /** @return the key new values are sealed under from now on */
    KeyRef rotate();
}
