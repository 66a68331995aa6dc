package dev.hermes.orchestrator.inbound.ses;

import java.net.URI;

/** Port: confirm an SNS subscription by visiting its (already checked) {@code SubscribeURL}. */
public interface SubscriptionConfirmer {
    /**
     * @throws IllegalStateException when SNS did not confirm (retrying may help: SNS re-sends the request)
     */
    void confirm(URI subscribeUrl);
}
