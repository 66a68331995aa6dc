package dev.hermes.protocol.secret;

/**
 * Which data keys a value is sealed with. Project secrets (git credentials, agent variables) are
 * {@link #PROJECT}; everything else Hermes seals (reply provider secrets, stored API responses) is
 * {@link #SYSTEM}. The scope travels as the KMS encryption context, so the worker's role can be allowed
 * to decrypt project secrets and nothing else.
 */
public enum KeyScope {
    PROJECT("project"), SYSTEM("system");

    /** The KMS encryption context key. */
    public static final String CONTEXT_KEY = "hermes:scope";
    private final String contextValue;

    KeyScope(String contextValue) {
        this.contextValue = contextValue;
    }

    public String contextValue() {
        return contextValue;
    }

    /** {@code project:…} records hold project secrets; any other record is system. */
    public static KeyScope of(String recordKey) {
        return recordKey.startsWith("project:") ? PROJECT : SYSTEM;
    }
}
