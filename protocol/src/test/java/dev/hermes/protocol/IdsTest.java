package dev.hermes.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.naming.QueueNames;
import dev.hermes.protocol.naming.TableNames;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Sample", "a_b", "-lead", "trail-", "a/b", "..", "a b", "x#y",
            "abcdefghijklmnopqrstuvwxyz0123456"})
    void projectAndUserIdsRejectAnythingOutsideTheirAlphabet(String bad) {
        assertThrows(InvalidIdException.class, () -> new ProjectId(bad));
        assertThrows(InvalidIdException.class, () -> new UserId(bad));
    }

    @Test
    void containerKeyRoundTripsThroughItsStringForm() {
        ContainerKey key = ContainerKey.parse("sample#alice");
        assertEquals("sample#alice", key.value());
        assertEquals("sample--alice", key.containerId());
        assertThrows(InvalidIdException.class, () -> ContainerKey.parse("sample#alice#bob"));
        assertThrows(InvalidIdException.class, () -> ContainerKey.parse("sample"));
    }

    @Test
    void threadIdsAreStableLowerCaseBase32AndChangeWithTheAttempt() {
        ThreadId first = ThreadId.fromRootKey("<abc@example.com>", 0);
        assertEquals(first, ThreadId.fromRootKey("<abc@example.com>", 0));
        assertTrue(first.value().matches("[a-z2-7]{8}"), first.value());
        assertNotEquals(first, ThreadId.fromRootKey("<abc@example.com>", 1));
        assertEquals("thread-" + first.value(), first.branch());
    }

    @Test
    void threadIdsSpreadOverManyRootKeys() {
        Set<ThreadId> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            seen.add(ThreadId.fromRootKey("<" + i + "@example.com>", 0));
        }
        // 40 bits of hash: collisions among 20k keys are possible in principle but vanishingly rare.
        assertTrue(seen.size() >= 19_999, "unexpected collisions: " + (20_000 - seen.size()));
    }

    @Test
    void threadIdRejectsPathTricks() {
        assertThrows(InvalidIdException.class, () -> new ThreadId("../../x1"));
        assertThrows(InvalidIdException.class, () -> new ThreadId("ABCDEFGH"));
        assertThrows(InvalidIdException.class, () -> new ThreadId("abcdefg1"));
    }

    @Test
    void commandIdIsDeterministicPerChannelAndEvent() {
        assertEquals(CommandId.of("email", "<m1@x>"), CommandId.of("email", "<m1@x>"));
        assertNotEquals(CommandId.of("email", "<m1@x>"), CommandId.of("sms", "<m1@x>"));
        assertTrue(CommandId.of("email", "<m1@x>").value().matches("[0-9a-f]{32}"));
        assertThrows(InvalidIdException.class, () -> CommandId.of("email", " "));
    }

    @Test
    void queueNamesFollowTheDesignAndStayUnderTheSqsLimit() {
        QueueNames names = QueueNames.forContainer("hermes-", ContainerKey.parse("sample#alice"));
        assertEquals("hermes-sample--alice-in.fifo", names.in());
        assertEquals("hermes-sample--alice-dlq.fifo", names.dlq());
        assertEquals("hermes-sample--alice-ctl", names.ctl());
        assertEquals("hermes-sample--alice-out", names.out());

        String longest = "a".repeat(32);
        ContainerKey big = new ContainerKey(new ProjectId(longest), new UserId(longest));
        ContainerKey other = new ContainerKey(new ProjectId(longest), new UserId("a".repeat(31) + "b"));
        QueueNames shortened = QueueNames.forContainer("hermes-production-", big);
        for (String name : shortened.all()) {
            assertTrue(name.length() <= QueueNames.SQS_NAME_LIMIT, name);
        }
        assertNotEquals(shortened.in(), QueueNames.forContainer("hermes-production-", other).in());
        assertTrue(shortened.in().endsWith(".fifo"));
    }

    @Test
    void tableNamesCarryThePrefix() {
        TableNames tables = new TableNames("hermes-");
        assertEquals("hermes-thread-keys", tables.threadKeys());
        assertEquals(8, tables.all().size());
    }
}
