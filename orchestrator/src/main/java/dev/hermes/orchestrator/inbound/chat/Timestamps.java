package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.inbound.RejectedException;
import java.time.Clock;
import java.util.regex.Pattern;

/** Webhook timestamps in epoch seconds, and the replay window around now. */
final class Timestamps {
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    private Timestamps() {
    }

    static long seconds(String header) {
        String value = header;
        if (!SECONDS.matcher(value).matches()) {
            throw new RejectedException(401, "bad_timestamp", "the signature timestamp is not epoch seconds");
        }
        return Long.parseLong(value);
    }

    static void requireFresh(long seconds, Clock clock, long windowSeconds) {
        long now = clock.millis() / 1000;
        if (Math.abs(now - seconds) > windowSeconds) {
            throw new RejectedException(401, "stale_timestamp",
                    "the signature timestamp is more than " + windowSeconds + " s from now");
        }
    }
}
