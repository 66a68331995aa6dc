package dev.hermes.orchestrator.metrics;

import dev.hermes.protocol.state.Channel;
import java.util.Locale;

/** Tag values as {@code MetricNames} documents them. */
public final class MetricTags {
    private MetricTags() {
    }

    /** {@code email}, {@code sms}, {@code chat}. */
    public static String channel(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
