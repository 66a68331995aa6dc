package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the SubscribeURLs it was asked to visit instead of visiting them. */
@Singleton
@Replaces(HttpSubscriptionConfirmer.class)
@Requires(property = "hermes.test.sns-fixtures", value = "true")
public class RecordingSubscriptionConfirmer implements SubscriptionConfirmer {
    final List<URI> confirmed = new CopyOnWriteArrayList<>();

    @Override
    public void confirm(URI subscribeUrl) {
        confirmed.add(subscribeUrl);
    }
}
