package dev.hermes.worker.lease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ContainerStatus;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.worker.result.DynamoDbCommandStore;
import dev.hermes.worker.testing.Emulators;
import dev.hermes.worker.testing.HermesTables;
import dev.hermes.worker.testing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static Emulators emulators;
    private static TableNames tables;

    private Scenario scenario;
    private ScheduledExecutorService schedulerA;
    private ScheduledExecutorService schedulerB;

    @BeforeAll
    static void startEmulators() {
        emulators = Emulators.start();
        tables = HermesTables.create(emulators.dynamoDb(), "lease-");
    }

    @AfterAll
    static void stopEmulators() {
        emulators.close();
    }

    @BeforeEach
    void container() {
        scenario = Scenario.create(emulators, tables);
        schedulerA = Executors.newScheduledThreadPool(2);
        schedulerB = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stopSchedulers() {
        schedulerA.shutdownNow();
        schedulerB.shutdownNow();
    }

    @Test
    void twoWorkersOneLease() {
        CompletableFuture<LeaseLostException> lostA = new CompletableFuture<>();
        LeaseKeeper workerA = new LeaseKeeper(store(), "worker-a", LEASE, schedulerA, lostA::complete, recording);
        Lease a = workerA.acquire();
        assertEquals(ContainerStatus.RUNNING.name(), scenario.containerItem().get(ContainersTable.STATUS).s());
        assertEquals(Scenario.STARTING_AT, grants.get(0).startingAt(), "a cold start: the row was STARTING");

        // While A heartbeats, B is refused for well over one lease duration.
        await().during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(5))
                .until(() -> tryAcquire("worker-b") == null);
        assertFalse(lostA.isDone(), "A kept its lease while heartbeating");

        // A freezes: no more heartbeats. B gets the lease once it expires, with a higher version.
        schedulerA.shutdownNow();
        Lease[] b = new Lease[1];
        await().atMost(LEASE.multipliedBy(5)).until(() -> (b[0] = tryAcquire("worker-b")) != null);
        assertTrue(grants.get(grants.size() - 1).takeover(), "B took an expired lease over: " + grants);
        assertEquals(null, grants.get(grants.size() - 1).startingAt(), "no start: the row was RUNNING");
        assertFalse(grants.get(0).takeover(), "A's was a fresh grant");
        assertTrue(b[0].version() > a.version(), "B's version " + b[0].version() + " > A's " + a.version());
        assertEquals("worker-b", scenario.containerItem().get(ContainersTable.LEASE_OWNER).s());

        // Every fenced write of A is now rejected, and A's own view of its lease says so.
        assertThrows(LeaseLostException.class, () -> store().renew(a, LEASE));
        assertThrows(LeaseLostException.class, () -> store().release(a));
        assertThrows(LeaseLostException.class, workerA::current);
        CommandMessage command = scenario.command(ThreadId.fromRootKey("root", 0), "t", "do it");
        DynamoDbCommandStore commands = new DynamoDbCommandStore(emulators.dynamoDb(), tables);
        assertThrows(LeaseLostException.class, () -> commands.markRunning(command.commandId(), command.threadId(), a, Instant.now()));
        assertEquals(CommandStatus.QUEUED.name(),
                scenario.commandItem(command.commandId()).get(CommandsTable.STATUS).s());
        assertEquals("worker-b", scenario.containerItem().get(ContainersTable.LEASE_OWNER).s());

        // B's writes, fenced by its version, go through.
        commands.markRunning(command.commandId(), command.threadId(), b[0], Instant.now());
        Map<String, AttributeValue> item = scenario.commandItem(command.commandId());
        assertEquals(CommandStatus.RUNNING.name(), item.get(CommandsTable.STATUS).s());
        assertEquals(Long.toString(b[0].version()), item.get(CommandsTable.LEASE_VERSION).n());
    }

    @Test
    void releaseHandsTheLeaseOverAtOnce() {
        LeaseKeeper workerA = new LeaseKeeper(store(), "worker-a", LEASE, schedulerA, lost -> { });
        Lease a = workerA.acquire();
        workerA.release();

        Map<String, AttributeValue> released = scenario.containerItem();
        assertEquals(ContainerStatus.COLD.name(), released.get(ContainersTable.STATUS).s());
        assertFalse(released.containsKey(ContainersTable.LEASE_OWNER));
        assertFalse(released.containsKey(ContainersTable.LEASE_EXPIRES_AT));

        LeaseKeeper workerB = new LeaseKeeper(store(), "worker-b", LEASE, schedulerB, lost -> { });
        Lease b = workerB.acquire();
        assertEquals(a.version() + 1, b.version());
        assertThrows(LeaseLostException.class, () -> store().renew(a, LEASE));
        workerB.release();
    }

    @Test
    void aTakenOverLeaseIsNoticedByTheNextHeartbeat() {
        CompletableFuture<LeaseLostException> lostA = new CompletableFuture<>();
        LeaseKeeper workerA = new LeaseKeeper(store(), "worker-a", LEASE, schedulerA, lostA::complete, recording);
        Lease a = workerA.acquire();

        // A reaper (or an operator) hands the lease to someone else behind A's back.
        emulators.dynamoDb().updateItem(u -> u.tableName(tables.containers())
                .key(Map.of(ContainersTable.CONTAINER_KEY, AttributeValue.fromS(scenario.key().value())))
                .updateExpression("SET #owner = :thief ADD #version :one")
                .expressionAttributeNames(Map.of("#owner", ContainersTable.LEASE_OWNER,
                        "#version", ContainersTable.LEASE_VERSION))
                .expressionAttributeValues(Map.of(":thief", AttributeValue.fromS("thief"),
                        ":one", AttributeValue.fromN("1"))));

        await().atMost(LEASE.multipliedBy(3)).until(lostA::isDone);
        assertTrue(workerA.isLost());
        assertTrue(lostA.join().refused());
        assertEquals(1, refusals.get(), "the refused renewal is reported once");
        assertThrows(LeaseLostException.class, workerA::current);
        assertThrows(LeaseLostException.class, () -> store().release(a));
        assertEquals("thief", scenario.containerItem().get(ContainersTable.LEASE_OWNER).s());
    }

    @Test
    void ownLeaseCanBeTakenAgainWithANewVersion() {
        Lease first = store().acquire("worker-a", LEASE);
        Lease second = store().acquire("worker-a", LEASE);
        assertEquals(first.version() + 1, second.version());
        assertThrows(LeaseLostException.class, () -> store().renew(first, LEASE));
        store().release(second);
        assertNotNull(scenario.containerItem().get(ContainersTable.LEASE_VERSION));
    }

    private final java.util.List<LeaseGrant> grants = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
    private final LeaseEvents recording = new LeaseEvents() {
        @Override
        public void acquired(LeaseGrant grant) {
            grants.add(grant);
        }

        @Override
        public void fencingRejected() {
            refusals.incrementAndGet();
        }
    };

    private Lease tryAcquire(String owner) {
        try {
            LeaseGrant grant = store().acquireGrant(owner, LEASE);
            grants.add(grant);
            return grant.lease();
        } catch (LeaseNotGrantedException e) {
            return null;
        }
    }

    private DynamoDbLeaseStore store() {
        return new DynamoDbLeaseStore(emulators.dynamoDb(), tables.containers(), scenario.key(), Clock.systemUTC());
    }
}
