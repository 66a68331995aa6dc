package dev.hermes.worker.secret;

import dev.hermes.protocol.secret.Secret;
import dev.hermes.worker.agent.AgentResult;
import java.util.Collection;
import java.util.List;

/**
 * The agent gets the project's secret variables; should it print one into its summary, the summary
 * leaves the worker (commands table, replies, the API) with the value replaced by {@code ***}.
 */
public final class SecretRedaction {
    /** Values shorter than this are not searched for: they would mask ordinary words. */
    private static final int MIN_LENGTH = 6;
    private final List<Secret> secrets;

    private SecretRedaction(List<Secret> secrets) {
        this.secrets = secrets;
    }

    public static SecretRedaction of(Collection<Secret> secrets) {
        return new SecretRedaction(List.copyOf(secrets));
    }

    public String text(String text) {
        String out = text;
        for (Secret secret : secrets) {
            if (secret.reveal().length() >= MIN_LENGTH) {
                out = out.replace(secret.reveal(), "***");
            }
        }
        return out;
    }

    public AgentResult summary(AgentResult result) {
        String summary = text(result.summary());
        return summary.equals(result.summary()) ? result : new AgentResult(result.ending(), summary, result.stoppedBy());
    }
}
