package dev.hermes.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden JSON fixtures, shared with the worker and orchestrator tests through the test jar. */
public final class Fixtures {
    public static final String COMMAND = "command.json";
    public static final String INTERRUPT = "interrupt.json";
    public static final String PROGRESS = "progress.json";
    public static final String RESULT = "result.json";
    public static final String EVENT_INTERRUPT = "event-interrupt.json";
    public static final String EVENT_LEASE = "event-lease.json";
    public static final String EVENT_FENCING = "event-fencing.json";
    public static final String COMMAND_FROM_NEWER_WRITER = "command-from-newer-writer.json";

    private Fixtures() {
    }

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
