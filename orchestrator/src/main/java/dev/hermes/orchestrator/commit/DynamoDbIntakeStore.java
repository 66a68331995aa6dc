package dev.hermes.orchestrator.commit;

import dev.hermes.orchestrator.command.CommandItems;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.BackendUnavailableException;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.orchestrator.thread.ThreadItems;
import dev.hermes.protocol.naming.TableNames;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The intake's writes as {@code TransactWriteItems}: every pending message's command put, thread
 * put or touch and key updates in one transaction, split where DynamoDB requires (100 actions,
 * 4 MB, one action per item). A cancelled transaction names the items that failed: their messages
 * are settled (duplicate, thread taken) and the others committed again without them.
 */
@Singleton
public class DynamoDbIntakeStore implements IntakeStore {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbIntakeStore.class);
    static final int MAX_ACTIONS = 100;
    /** Of DynamoDB's 4 MB per transaction, with room for the request's own framing. */
    static final long MAX_BYTES = 3_500_000;
    /** Rounds that settle nothing (transaction conflicts, throttling) before the writes are given up. */
    private static final int MAX_IDLE_ROUNDS = 4;
    private final DynamoDbClient dynamo;
    private final TableNames names;

    public DynamoDbIntakeStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.names = tables.names();
    }

    private enum Kind { COMMAND, NEW_THREAD, TOUCH, KEY }

    /** One action of a transaction, with the write it belongs to and the item it names. */
    private record Op(int owner, Kind kind, String item, TransactWriteItem action, long bytes) {
    }

    @Override
    public List<Outcome> commit(List<IntakeWrite> writes) {
        Outcome[] outcomes = new Outcome[writes.size()];
        List<List<Op>> ops = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ops.add(ops(i, writes.get(i)));
        }
        for (List<Integer> group : TransactionGroups.split(ops, Op::item, Op::bytes, MAX_ACTIONS, MAX_BYTES)) {
            commitGroup(writes, ops, group, outcomes);
        }
        return List.of(outcomes);
    }

    private List<Op> ops(int owner, IntakeWrite w) {
        List<Op> ops = new ArrayList<>();
        Put command = Put.builder().tableName(names.commands()).item(CommandItems.toItem(w.command()))
                .conditionExpression("attribute_not_exists(commandId)").build();
        ops.add(new Op(owner, Kind.COMMAND, "command:" + w.command().commandId().value(),
                TransactWriteItem.builder().put(command).build(), Items.estimatedBytes(command.item())));
        String thread = "thread:" + w.command().threadId().value();
        if (w.newThread() != null) {
            Put put = ThreadItems.create(names.threads(), w.newThread());
            ops.add(new Op(owner, Kind.NEW_THREAD, thread, TransactWriteItem.builder().put(put).build(),
                    Items.estimatedBytes(put.item())));
        } else if (w.touch()) {
            ops.add(new Op(owner, Kind.TOUCH, thread, TransactWriteItem.builder()
                    .update(ThreadItems.touch(names.threads(), w.command().threadId(), w.at())).build(), 200));
        }
        for (String key : w.keys()) {
            ops.add(new Op(owner, Kind.KEY, "key:" + key, TransactWriteItem.builder()
                    .update(ThreadItems.firstWriterKey(names.threadKeys(), key, w.command().threadId(), w.at())).build(),
                    200 + 3L * key.length()));
        }
        return ops;
    }

    private void commitGroup(List<IntakeWrite> writes, List<List<Op>> opsOf, List<Integer> members, Outcome[] outcomes) {
        List<Integer> open = new ArrayList<>(members);
        int idleRounds = 0;
        while (!open.isEmpty()) {
            List<Op> ops = open.stream().flatMap(i -> opsOf.get(i).stream()).toList();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(ops.stream().map(Op::action).toList()));
                open.forEach(i -> outcomes[i] = Outcome.of(CommitResult.COMMITTED));
                return;
            } catch (TransactionCanceledException e) {
                if (!e.hasCancellationReasons() || e.cancellationReasons().size() != ops.size()) {
                    isolateOrFail(writes, opsOf, open, outcomes, e);
                    return;
                }
                int before = open.size();
                open = settle(writes, ops, e, outcomes);
                if (open.size() == before && ++idleRounds > MAX_IDLE_ROUNDS) {
                    open.forEach(i -> outcomes[i] = Outcome.failed(unavailable(writes.get(i), e)));
                    return;
                }
            } catch (SdkException e) {
                isolateOrFail(writes, opsOf, open, outcomes, e);
                return;
            }
        }
    }

    /**
     * A request refused as a whole. A refusal of its content (a 400 that is not throttling) may be
     * one message's fault: each is tried alone so the others still commit. Anything else (DynamoDB
     * unreachable, throttled after the SDK's retries) fails them all.
     */
    private void isolateOrFail(List<IntakeWrite> writes, List<List<Op>> opsOf, List<Integer> open, Outcome[] outcomes,
                               SdkException e) {
        boolean contentRefused = e instanceof AwsServiceException ase && ase.statusCode() == 400 && !ase.isThrottlingException();
        if (contentRefused && open.size() > 1) {
            LOG.warn("a transaction of {} messages was refused ({}); committing each alone", open.size(), e.getMessage());
            for (int i : open) {
                commitGroup(writes, opsOf, List.of(i), outcomes);
            }
            return;
        }
        open.forEach(i -> outcomes[i] = Outcome.failed(unavailable(writes.get(i), e)));
    }

    /** Settles the writes whose items the cancellation names; answers those to commit again. */
    private List<Integer> settle(List<IntakeWrite> writes, List<Op> ops, TransactionCanceledException e, Outcome[] outcomes) {
        Set<Integer> done = new HashSet<>();
        for (int k = 0; k < ops.size(); k++) {
            String code = e.cancellationReasons().get(k).code();
            Op op = ops.get(k);
            if (code == null || code.equals("None") || isTransient(code)) {
                continue;
            }
            if (code.equals("ConditionalCheckFailed") && op.kind() == Kind.COMMAND) {
                outcomes[op.owner()] = Outcome.of(CommitResult.DUPLICATE);
            } else if (code.equals("ConditionalCheckFailed") && op.kind() == Kind.NEW_THREAD) {
                if (outcomes[op.owner()] == null) {
                    outcomes[op.owner()] = Outcome.of(CommitResult.THREAD_TAKEN);
                }
            } else if (outcomes[op.owner()] == null || outcomes[op.owner()].failure() == null) {
                outcomes[op.owner()] = Outcome.failed(new BackendUnavailableException("DynamoDB refused the " + op.kind()
                        + " write of command " + writes.get(op.owner()).command().commandId() + ": " + code + " "
                        + e.cancellationReasons().get(k).message(), e));
            }
            done.add(op.owner());
        }
        List<Integer> open = new ArrayList<>();
        ops.stream().map(Op::owner).distinct().filter(i -> !done.contains(i)).forEach(open::add);
        return open;
    }

    private static boolean isTransient(String code) {
        return code.equals("TransactionConflict") || code.equals("ThrottlingError")
                || code.equals("ProvisionedThroughputExceeded");
    }

    private static BackendUnavailableException unavailable(IntakeWrite write, Exception cause) {
        return new BackendUnavailableException("DynamoDB did not record command " + write.command().commandId()
                + ": " + cause.getMessage(), cause);
    }
}
