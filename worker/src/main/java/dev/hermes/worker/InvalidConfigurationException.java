package dev.hermes.worker;

/** The worker's environment is incomplete or wrong. Restarting with the same environment never helps. */
public class InvalidConfigurationException extends IllegalArgumentException {
    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
