package dev.hermes.worker.result;

import static dev.hermes.protocol.table.CommandsTable.ATTEMPTS;
import static dev.hermes.protocol.table.CommandsTable.BRANCH;
import static dev.hermes.protocol.table.CommandsTable.COMMAND_ID;
import static dev.hermes.protocol.table.CommandsTable.COMMIT_SHA;
import static dev.hermes.protocol.table.CommandsTable.CONTAINER_KEY;
import static dev.hermes.protocol.table.CommandsTable.FILES_CHANGED;
import static dev.hermes.protocol.table.CommandsTable.FINISHED_AT;
import static dev.hermes.protocol.table.CommandsTable.INTERRUPTED_BY;
import static dev.hermes.protocol.table.CommandsTable.LAST_ERROR;
import static dev.hermes.protocol.table.CommandsTable.LEASE_VERSION;
import static dev.hermes.protocol.table.CommandsTable.PENDING_SHARD;
import static dev.hermes.protocol.table.CommandsTable.PENDING_SHARD_ALL;
import static dev.hermes.protocol.table.CommandsTable.PENDING_SINCE;
import static dev.hermes.protocol.table.CommandsTable.STARTED_AT;
import static dev.hermes.protocol.table.CommandsTable.STATUS;
import static dev.hermes.protocol.table.CommandsTable.SUMMARY;
import static dev.hermes.protocol.table.CommandsTable.THREAD_ID;
import static dev.hermes.protocol.table.CommandsTable.UPDATED_AT;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.worker.lease.Lease;
import dev.hermes.worker.lease.LeaseLostException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Commands in DynamoDB. Each status write is one transaction of two updates: the container's item,
 * conditioned on the lease (owner and version), and the command's item, conditioned on its status.
 */
public final class DynamoDbCommandStore implements CommandStore {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public DynamoDbCommandStore(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public Optional<CommandRecord> find(CommandId commandId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b
                .tableName(tables.commands())
                .key(commandKey(commandId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandRecord(
                commandId,
                new ThreadId(item.get(THREAD_ID).s()),
                ContainerKey.parse(item.get(CONTAINER_KEY).s()),
                CommandStatus.valueOf(item.get(STATUS).s()),
                text(item, SUMMARY),
                text(item, BRANCH),
                text(item, COMMIT_SHA),
                item.containsKey(FILES_CHANGED)
                        ? item.get(FILES_CHANGED).l().stream().map(AttributeValue::s).toList() : List.of(),
                item.containsKey(FINISHED_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(FINISHED_AT).n())) : null,
                item.containsKey(ATTEMPTS) ? Long.parseLong(item.get(ATTEMPTS).n()) : 0));
    }

    @Override
    public void markRunning(CommandId commandId, ThreadId threadId, Lease lease, Instant now) {
        List<CommandStatus> from = List.copyOf(CommandStatus.predecessorsOf(CommandStatus.RUNNING));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":running", s(CommandStatus.RUNNING.name()));
        values.put(":now", n(now.toEpochMilli()));
        values.put(":v", n(lease.version()));
        values.put(":one", n(1));
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < from.size(); i++) {
            in.append(i == 0 ? "" : ", ").append(":from").append(i);
            values.put(":from" + i, s(from.get(i).name()));
        }
        Update command = Update.builder()
                .tableName(tables.commands())
                .key(commandKey(commandId))
                .updateExpression("SET #status = :running, #startedAt = :now, #leaseVersion = :v, #updatedAt = :now"
                        + " ADD #attempts :one REMOVE #pendingShard, #pendingSince")
                .conditionExpression("#status IN (" + in + ")")
                .expressionAttributeNames(Map.of("#status", STATUS, "#startedAt", STARTED_AT,
                        "#leaseVersion", LEASE_VERSION, "#updatedAt", UPDATED_AT, "#attempts", ATTEMPTS,
                        "#pendingShard", PENDING_SHARD, "#pendingSince", PENDING_SINCE))
                .expressionAttributeValues(values)
                .build();
        Update container = containerUpdate(lease, "SET #running = :cid, #thread = :tid, #activity = :now",
                Map.of(":cid", s(commandId.value()), ":tid", s(threadId.value())), now);
        write(commandId, lease, container, command, "in " + from);
    }

    @Override
    public void finish(CommandId commandId, Lease lease, CommandOutcome outcome) {
        long at = outcome.finishedAt().toEpochMilli();
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#finishedAt", FINISHED_AT,
                "#summary", SUMMARY, "#branch", BRANCH, "#commitSha", COMMIT_SHA, "#files", FILES_CHANGED,
                "#updatedAt", UPDATED_AT, "#leaseVersion", LEASE_VERSION));
        names.put("#pendingShard", PENDING_SHARD);
        names.put("#pendingSince", PENDING_SINCE);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", s(outcome.status().name()),
                ":at", n(at),
                ":summary", s(outcome.summary()),
                ":branch", s(outcome.branch()),
                ":files", AttributeValue.fromL(outcome.filesChanged().stream().map(AttributeValue::fromS).toList()),
                ":running", s(CommandStatus.RUNNING.name()),
                ":v", n(lease.version())));
        String expression = "SET #status = :status, #finishedAt = :at, #summary = :summary, #branch = :branch,"
                + " #files = :files, #updatedAt = :at";
        if (outcome.commitSha() == null) {
            expression += " REMOVE #commitSha, #pendingShard, #pendingSince";
        } else {
            expression += ", #commitSha = :sha REMOVE #pendingShard, #pendingSince";
            values.put(":sha", s(outcome.commitSha()));
        }
        Update command = Update.builder()
                .tableName(tables.commands())
                .key(commandKey(commandId))
                .updateExpression(expression)
                .conditionExpression("#status = :running AND #leaseVersion = :v")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        Update container = containerUpdate(lease, "REMOVE #running, #thread SET #activity = :now", Map.of(),
                outcome.finishedAt());
        write(commandId, lease, container, command, "RUNNING under lease version " + lease.version());
    }

    @Override
    public void requeue(CommandId commandId, Lease lease, Instant now, String lastError, CommandId interruptedBy) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#updatedAt", UPDATED_AT,
                "#leaseVersion", LEASE_VERSION, "#lastError", LAST_ERROR, "#interruptedBy", INTERRUPTED_BY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":queued", s(CommandStatus.QUEUED.name()),
                ":running", s(CommandStatus.RUNNING.name()),
                ":now", n(now.toEpochMilli()),
                ":v", n(lease.version())));
        CommandStatus.RUNNING.checkMoveTo(CommandStatus.QUEUED);
        StringBuilder expression = new StringBuilder("SET #status = :queued, #updatedAt = :now");
        List<String> removed = new java.util.ArrayList<>();
        if (lastError == null) {
            removed.add("#lastError");
        } else {
            expression.append(", #lastError = :error");
            values.put(":error", s(lastError.length() <= CommandOutcome.MAX_SUMMARY ? lastError
                    : lastError.substring(0, CommandOutcome.MAX_SUMMARY)));
        }
        names.put("#pendingShard", PENDING_SHARD);
        names.put("#pendingSince", PENDING_SINCE);
        if (interruptedBy == null) {
            removed.add("#interruptedBy");
            // Waiting to run again (a retry, or put back for the next worker): on the pending index.
            expression.append(", #pendingShard = :shard, #pendingSince = :now");
            values.put(":shard", s(PENDING_SHARD_ALL));
        } else {
            // Parked behind the command that preempted it, by design: not pending.
            expression.append(", #interruptedBy = :by");
            values.put(":by", s(interruptedBy.value()));
            removed.add("#pendingShard");
            removed.add("#pendingSince");
        }
        if (!removed.isEmpty()) {
            expression.append(" REMOVE ").append(String.join(", ", removed));
        }
        Update command = Update.builder()
                .tableName(tables.commands())
                .key(commandKey(commandId))
                .updateExpression(expression.toString())
                .conditionExpression("#status = :running AND #leaseVersion = :v")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        Update container = containerUpdate(lease, "REMOVE #running, #thread SET #activity = :now", Map.of(), now);
        write(commandId, lease, container, command, "RUNNING under lease version " + lease.version());
    }

    /**
     * The container half of a transaction: conditioned on the lease still being {@code lease} and not
     * expired by this worker's own clock, read as the request is built (the expiry was written with the
     * same clock, so skew between machines does not matter), so a worker that was paused
     * past its lease cannot write even when nobody has taken the lease over yet.
     */
    private Update containerUpdate(Lease lease, String expression, Map<String, AttributeValue> values, Instant now) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":me", s(lease.owner()));
        all.put(":v", n(lease.version()));
        all.put(":now", n(now.toEpochMilli()));
        all.put(":clock", n(System.currentTimeMillis()));
        return Update.builder()
                .tableName(tables.containers())
                .key(Map.of(ContainersTable.CONTAINER_KEY, s(lease.containerKey().value())))
                .updateExpression(expression)
                .conditionExpression("#owner = :me AND #version = :v AND #expires > :clock")
                .expressionAttributeNames(Map.of("#owner", ContainersTable.LEASE_OWNER,
                        "#version", ContainersTable.LEASE_VERSION, "#running", ContainersTable.RUNNING_COMMAND,
                        "#thread", ContainersTable.RUNNING_THREAD, "#activity", ContainersTable.LAST_ACTIVITY_AT,
                        "#expires", ContainersTable.LEASE_EXPIRES_AT))
                .expressionAttributeValues(all)
                .build();
    }

    private void write(CommandId commandId, Lease lease, Update container, Update command, String expected) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(container).build(),
                    TransactWriteItem.builder().update(command).build()));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failed(reasons, 0)) {
                throw LeaseLostException.refused(lease.containerKey(),
                        "version " + lease.version() + " rejected while writing command " + commandId);
            }
            if (failed(reasons, 1)) {
                throw new CommandStateConflictException(commandId, expected);
            }
            throw e;
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> commandKey(CommandId commandId) {
        return Map.of(COMMAND_ID, s(commandId.value()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
