package dev.hermes.orchestrator.inbound.email;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fixture corpus in {@code src/test/resources/mail-corpus}: raw messages as mail clients write
 * them, and in {@code expectations.json} what Hermes must make of each, plus the threads and
 * {@code thread-keys} the thread decisions assume.
 */
final class MailCorpus {
    static final String FOLDER = "/mail-corpus/";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Corpus(Seed seed, List<Case> messages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seed(String user, List<SeedThread> threads) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedThread(String threadId, String user, String project, List<String> keys) {
    }

    /**
     * A case's {@code seedThreads} names the seeded threads (with their keys) its decision assumes;
     * absent means all of them.
     */
    /** {@code signal} NEW, or the signal and the thread (and for REPLY_HEADER the key) it must match. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(String signal, String key, String threadId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExpectedAttachment(String name, String type, long size) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Case(String file, String client, String instruction, Decision thread, String project, String title,
                List<ExpectedAttachment> attachments, List<String> ownKeys, List<String> seedThreads, String note) {
        byte[] raw() {
            return read(file);
        }

        @Override
        public String toString() {
            return file + " (" + client + ")";
        }
    }

    private static final Corpus CORPUS = load();

    private MailCorpus() {
    }

    static Corpus corpus() {
        return CORPUS;
    }

    static List<Case> cases() {
        return CORPUS.messages();
    }

    static Case named(String file) {
        return CORPUS.messages().stream().filter(c -> c.file().startsWith(file)).findFirst().orElseThrow();
    }

    static byte[] read(String file) {
        try (InputStream in = MailCorpus.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Corpus load() {
        try {
            return new ObjectMapper().readValue(read("expectations.json"), Corpus.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
