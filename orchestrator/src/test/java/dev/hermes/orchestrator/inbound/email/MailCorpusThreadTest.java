package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.storage.TableProvisioner;
import dev.hermes.orchestrator.thread.DynamoDbThreadStore;
import dev.hermes.orchestrator.thread.ResolvedThread;
import dev.hermes.orchestrator.thread.ThreadRecord;
import dev.hermes.orchestrator.thread.ThreadResolver;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.state.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The thread decision of every corpus message, made by the real {@link ThreadResolver} and
 * {@link DynamoDbThreadStore} against DynamoDB Local, with the threads and keys of the corpus seed.
 */
class MailCorpusThreadTest {
    private static final MimeParser PARSER = new MimeParser(new EmailConfig("hermes.localhost", "hermes", "Hermes"));
    private static final ProjectId SAMPLE = new ProjectId("sample");
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create(true);
        dynamo = local.dynamoDbClient();
    }

    /** Fresh tables for one case, holding the seeded threads and keys the case needs. */
    private static DynamoDbThreadStore seededStore(MailCorpus.Case c, String prefix) {
        DynamoDbThreadStore store = store(prefix);
        for (MailCorpus.SeedThread t : MailCorpus.corpus().seed().threads()) {
            if (c.seedThreads() != null && !c.seedThreads().contains(t.threadId())) {
                continue;
            }
            ThreadId id = new ThreadId(t.threadId());
            store.create(new ThreadRecord(id, new ContainerKey(new ProjectId(t.project()), new UserId(t.user())),
                    Channel.EMAIL, "<seed-" + t.threadId() + "@example.com>", "seeded", 1L, 1L, 1L));
            t.keys().forEach(key -> store.recordKey(key, id));
        }
        return store;
    }

    @AfterAll
    static void stop() {
        local.shutdown();
    }

    static Stream<MailCorpus.Case> cases() {
        return MailCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesTheThreadLikeTheExpectationSays(MailCorpus.Case c) {
        InboundMessage m = PARSER.parse(c.raw(), List.of());
        String prefix = "c" + c.file().substring(0, 2) + "-";
        DynamoDbThreadStore store = seededStore(c, prefix);
        ResolvedThread resolved = new ThreadResolver(store, Clock.systemUTC(), new SimpleMeterRegistry()).resolve(m, alice(), aliceContainer());

        MailCorpus.Decision expected = c.thread();
        assertEquals(expected.signal(), resolved.signal().name(), "signal, hints " + m.hints());
        if (resolved.signal() == ThreadSignal.NEW) {
            assertEquals(ThreadId.fromRootKey(m.rootKey(), 0), resolved.thread().threadId());
            assertEquals(aliceContainer(), resolved.thread().containerKey());
            return;
        }
        assertEquals(expected.threadId(), resolved.thread().threadId().value(), "thread");
        if (expected.key() != null) {
            ThreadHint first = m.hints().stream()
                    .filter(h -> !h.direct() && expected.threadId().equals(threadOf(store, h.value())))
                    .findFirst().orElseThrow();
            assertEquals(expected.key(), first.value(), "the key that matched");
            assertEquals(ThreadSignal.valueOf(expected.signal()), first.signal());
        }
    }

    @Test
    void anOutlookReplyWithOnlyThreadIndexJoinsTheThreadItsFirstMessageStarted() {
        DynamoDbThreadStore store = store("outlook-");
        ThreadResolver resolver = new ThreadResolver(store, Clock.systemUTC(), new SimpleMeterRegistry());

        InboundMessage first = PARSER.parse(MailCorpus.named("05-").raw(), List.of());
        ResolvedThread started = resolver.resolve(first, alice(), aliceContainer());
        assertEquals(ThreadSignal.NEW, started.signal());
        first.ownKeys().forEach(key -> store.recordKey(key, started.thread().threadId())); // as the intake does
        assertTrue(first.ownKeys().stream().anyMatch(k -> k.startsWith("thread-index:")), first.ownKeys().toString());

        for (String reply : List.of("06-", "09-")) {
            ResolvedThread joined = resolver.resolve(PARSER.parse(MailCorpus.named(reply).raw(), List.of()), alice(), aliceContainer());
            assertEquals(ThreadSignal.REPLY_HEADER, joined.signal(), reply);
            assertEquals(started.thread().threadId(), joined.thread().threadId(), reply);
        }
        ResolvedThread forwarded = resolver.resolve(PARSER.parse(MailCorpus.named("17-").raw(), List.of()), alice(), aliceContainer());
        assertEquals(ThreadSignal.NEW, forwarded.signal());
        assertNotEquals(started.thread().threadId(), forwarded.thread().threadId());
    }

    private static String threadOf(DynamoDbThreadStore store, String key) {
        Map<String, ThreadId> found = store.lookup(List.of(key));
        return found.containsKey(key) ? found.get(key).value() : null;
    }

    private static DynamoDbThreadStore store(String prefix) {
        TablesConfig tables = new TablesConfig(prefix, true);
        new TableProvisioner(dynamo, tables).createMissing();
        return new DynamoDbThreadStore(dynamo, tables);
    }

    private static UserId alice() {
        return new UserId(MailCorpus.corpus().seed().user());
    }

    private static ContainerKey aliceContainer() {
        return new ContainerKey(SAMPLE, alice());
    }
}
