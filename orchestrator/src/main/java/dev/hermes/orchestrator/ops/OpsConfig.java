package dev.hermes.orchestrator.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.ops}: the ops page. {@code login-form} offers a form where the operator pastes the
 * token once for a session cookie (local mode turns it on; a deployment behind HTTPS may too);
 * {@code secure-cookie} marks that cookie {@code Secure} (off only for plain-HTTP loopback). The
 * charts keep {@code samples} readings taken every {@code sample-interval}. The page reads one page
 * of {@code containers}, for each its newest {@code threads-per-container} threads and for each
 * thread its newest {@code commands-per-thread} commands, shows the {@code recent-threads} most
 * recently active of them, one page of {@code outbox} replies, and one page each of
 * {@code projects} and {@code routes}: a bounded number of requests.
 */
@ConfigurationProperties("hermes.ops")
public record OpsConfig(@Bindable(defaultValue = "false") boolean loginForm,
                        @Bindable(defaultValue = "true") boolean secureCookie,
                        @Bindable(defaultValue = "8h") Duration sessionTtl,
                        @Bindable(defaultValue = "5s") Duration sampleInterval,
                        @Bindable(defaultValue = "120") int samples,
                        @Bindable(defaultValue = "20") int containers,
                        @Bindable(defaultValue = "10") int threadsPerContainer,
                        @Bindable(defaultValue = "10") int commandsPerThread,
                        @Bindable(defaultValue = "20") int recentThreads,
                        @Bindable(defaultValue = "25") int outbox,
                        @Bindable(defaultValue = "50") int projects,
                        @Bindable(defaultValue = "50") int routes) {
    public OpsConfig {
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sampleInterval.toMillis() < 100) {
            throw new IllegalArgumentException("hermes.ops: session-ttl > 0, sample-interval >= 100ms");
        }
        if (samples < 2 || samples > 10_000 || !within(containers) || !within(threadsPerContainer)
                || !within(commandsPerThread) || !within(recentThreads) || !within(outbox) || !within(projects)
                || !within(routes)) {
            throw new IllegalArgumentException(
                    "hermes.ops: samples 2..10000; containers, threads, commands, outbox, projects and routes limits 1..100");
        }
    }

    private static boolean within(int limit) {
        return limit >= 1 && limit <= 100;
    }
}
