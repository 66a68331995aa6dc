package dev.hermes.orchestrator.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.DynamoDbCommandStore;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.storage.BackendUnavailableException;
import dev.hermes.orchestrator.storage.TableProvisioner;
import dev.hermes.orchestrator.thread.DynamoDbThreadStore;
import dev.hermes.orchestrator.thread.ThreadRecord;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Many messages' writes in one call against DynamoDB Local: each settles on its own. */
class DynamoDbIntakeStoreTest {
    private static final TablesConfig TABLES = new TablesConfig("w-", true);
    private static final ContainerKey CONTAINER = ContainerKey.parse("sample#alice");
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient dynamo;
    private static DynamoDbIntakeStore store;
    private static DynamoDbThreadStore threads;
    private static DynamoDbCommandStore commands;

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        new TableProvisioner(dynamo, TABLES).createMissing();
        store = new DynamoDbIntakeStore(dynamo, TABLES);
        threads = new DynamoDbThreadStore(dynamo, TABLES);
        commands = new DynamoDbCommandStore(dynamo, TABLES, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        local.shutdown();
    }

    @Test
    void aDuplicateInABatchIsReportedAndTheOthersAreCommitted() {
        IntakeWrite seen = newThreadWrite();
        assertEquals(CommitResult.COMMITTED, store.commit(List.of(seen)).get(0).result());
        IntakeWrite first = newThreadWrite();
        // The same command again, as a redelivery would plan it (its thread now exists).
        IntakeWrite again = new IntakeWrite(seen.command(), null, true, seen.keys(), 2);
        IntakeWrite last = newThreadWrite();

        List<IntakeStore.Outcome> outcomes = store.commit(List.of(first, again, last));

        assertEquals(List.of(CommitResult.COMMITTED, CommitResult.DUPLICATE, CommitResult.COMMITTED),
                outcomes.stream().map(IntakeStore.Outcome::result).toList());
        for (IntakeWrite w : List.of(first, last)) {
            assertEquals(CommandStatus.RECEIVED, commands.find(w.command().commandId()).orElseThrow().status());
            assertEquals(1, threads.find(w.command().threadId()).orElseThrow().messageCount());
            assertEquals(w.command().threadId(), threads.lookup(w.keys()).get(w.keys().get(0)));
        }
        assertEquals(1, threads.find(seen.command().threadId()).orElseThrow().messageCount(), "the duplicate touched nothing");
    }

    @Test
    void twoMessagesRacingForOneNewThreadInOneBatchCreateItOnce() {
        ThreadId shared = new ThreadId(randomThreadId());
        IntakeWrite root = newThreadWrite(shared, "<root@example.com>");
        IntakeWrite reply = newThreadWrite(shared, "<reply@example.com>");

        List<IntakeStore.Outcome> outcomes = store.commit(List.of(root, reply));

        assertEquals(CommitResult.COMMITTED, outcomes.get(0).result());
        assertEquals(CommitResult.THREAD_TAKEN, outcomes.get(1).result());
        assertEquals(root.newThread().rootKey(), threads.find(shared).orElseThrow().rootKey());
        assertTrue(commands.find(reply.command().commandId()).isEmpty(), "nothing of the loser was written");
        assertTrue(threads.lookup(reply.keys()).isEmpty());
    }

    @Test
    void aKeyClaimedTwiceInOneBatchKeepsItsFirstThread() {
        String key = "<shared-" + UUID.randomUUID() + "@example.com>";
        IntakeWrite first = newThreadWrite(new ThreadId(randomThreadId()), key);
        IntakeWrite second = newThreadWrite(new ThreadId(randomThreadId()), key);

        List<IntakeStore.Outcome> outcomes = store.commit(List.of(first, second));

        assertEquals(CommitResult.COMMITTED, outcomes.get(0).result());
        assertEquals(CommitResult.COMMITTED, outcomes.get(1).result());
        assertEquals(first.command().threadId(), threads.lookup(List.of(key)).get(key));
        // A later message claiming the key changes nothing either.
        store.commit(List.of(newThreadWrite(new ThreadId(randomThreadId()), key)));
        assertEquals(first.command().threadId(), threads.lookup(List.of(key)).get(key));
    }

    @Test
    void moreWritesThanOneTransactionHoldsAreAllCommitted() {
        List<IntakeWrite> writes = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            writes.add(newThreadWrite());
        }
        List<IntakeStore.Outcome> outcomes = store.commit(writes);

        assertTrue(outcomes.stream().allMatch(o -> o.result() == CommitResult.COMMITTED));
        for (IntakeWrite w : writes) {
            assertTrue(commands.find(w.command().commandId()).isPresent());
            assertTrue(threads.find(w.command().threadId()).isPresent());
        }
    }

    @Test
    void repliesTouchTheirThreadAndAMissingThreadFailsOnlyItsMessage() {
        IntakeWrite root = newThreadWrite();
        store.commit(List.of(root));
        IntakeWrite reply = touchWrite(root.command().threadId());
        IntakeWrite orphan = touchWrite(new ThreadId(randomThreadId()));
        IntakeWrite other = newThreadWrite();

        List<IntakeStore.Outcome> outcomes = store.commit(List.of(reply, orphan, other));

        assertEquals(CommitResult.COMMITTED, outcomes.get(0).result());
        assertNull(outcomes.get(1).result());
        assertInstanceOf(BackendUnavailableException.class, outcomes.get(1).failure());
        assertEquals(CommitResult.COMMITTED, outcomes.get(2).result());
        assertEquals(2, threads.find(root.command().threadId()).orElseThrow().messageCount());
        assertFalse(commands.find(orphan.command().commandId()).isPresent());
        assertTrue(commands.find(other.command().commandId()).isPresent());
    }

    @Test
    void twoRepliesToOneThreadInOneBatchCountTwice() {
        IntakeWrite root = newThreadWrite();
        store.commit(List.of(root));
        List<IntakeStore.Outcome> outcomes = store.commit(List.of(touchWrite(root.command().threadId()),
                touchWrite(root.command().threadId())));
        assertTrue(outcomes.stream().allMatch(o -> o.result() == CommitResult.COMMITTED));
        assertEquals(3, threads.find(root.command().threadId()).orElseThrow().messageCount());
    }

    private static IntakeWrite newThreadWrite() {
        return newThreadWrite(new ThreadId(randomThreadId()), "<" + UUID.randomUUID() + "@example.com>");
    }

    private static IntakeWrite newThreadWrite(ThreadId threadId, String messageId) {
        ThreadRecord thread = new ThreadRecord(threadId, CONTAINER, Channel.EMAIL, messageId, "subject", 1, 1, 1);
        return new IntakeWrite(command(threadId, messageId), thread, false, List.of(messageId), 1);
    }

    private static IntakeWrite touchWrite(ThreadId threadId) {
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        return new IntakeWrite(command(threadId, messageId), null, true, List.of(messageId), 2);
    }

    private static CommandRecord command(ThreadId threadId, String messageId) {
        return CommandRecord.received(CommandId.of("email", messageId + UUID.randomUUID()), threadId, CONTAINER,
                Channel.EMAIL, "subject", "do it", new ReplyRoute("alice@example.com", messageId, List.of(), "subject",
                        Map.of()), ThreadSignal.NEW, List.of(), 1);
    }

    private static String randomThreadId() {
        return ThreadId.fromRootKey(UUID.randomUUID().toString(), 0).value();
    }
}
