package dev.hermes.worker.testing;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.QueueMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.naming.QueueNames;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ContainerStatus;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.table.RoutesTable;
import dev.hermes.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the orchestrator sets up before a worker starts: one container's queues and item, the project
 * item, and command items with their messages. Reads back what the worker left.
 */
public final class Scenario {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final MessageCodec CODEC = new MessageCodec();

    private final Emulators emulators;
    private final TableNames tables;
    private final ContainerKey key;
    private final QueueNames queues;
    private final Map<String, String> urls = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<QueueMessage> received = new CopyOnWriteArrayList<>();

    private Scenario(Emulators emulators, TableNames tables, ContainerKey key) {
        this.emulators = emulators;
        this.tables = tables;
        this.key = key;
        this.queues = QueueNames.forContainer("t-", key);
    }

    /** A new container ({@code sample#user-N}) with its four queues and its item (status STARTING). */
    public static Scenario create(Emulators emulators, TableNames tables) {
        Scenario scenario = new Scenario(emulators, tables,
                ContainerKey.parse("sample#user-" + COUNT.incrementAndGet()));
        scenario.createQueues();
        scenario.putContainer();
        return scenario;
    }

    public ContainerKey key() {
        return key;
    }

    public TableNames tables() {
        return tables;
    }

    public String inQueueUrl() {
        return urls.get(queues.in());
    }

    /** The orchestrator's clock, by which it accepted the newer command this long before sending the interrupt. */
    public static final Duration ACCEPT_TO_INTERRUPT = Duration.ofMillis(300);
    /** The container's start time as the orchestrator wrote it (STARTING). */
    public static final long STARTING_AT = 1_700_000_000_000L;

    /** What the orchestrator does when a newer command arrives while {@code target} runs. */
    public void interrupt(CommandId target, CommandId by, InterruptKind kind) {
        Instant now = Instant.now();
        emulators.sqs().sendMessage(b -> b.queueUrl(urls.get(queues.ctl()))
                .messageBody(CODEC.encode(InterruptMessage.of(key, target, by, kind, now, now.minus(ACCEPT_TO_INTERRUPT)))));
    }

    /** The worker's reports ({@code WorkerEventMessage}) of one kind, read from {@code -out}. */
    public List<dev.hermes.protocol.message.WorkerEventMessage> events(dev.hermes.protocol.message.WorkerEvent event) {
        return out().stream().filter(m -> m instanceof dev.hermes.protocol.message.WorkerEventMessage e
                        && e.event() == event).map(dev.hermes.protocol.message.WorkerEventMessage.class::cast).toList();
    }

    /** Messages in the control queue, visible or in flight. */
    public int ctlDepth() {
        return depth(urls.get(queues.ctl()));
    }

    /** Messages the redrive policy moved to the dead-letter queue. */
    public int dlqDepth() {
        return Integer.parseInt(emulators.sqs().getQueueAttributes(b -> b.queueUrl(urls.get(queues.dlq()))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** The project's routes item. */
    public void project(String repoUrl, List<String> argv, Map<String, String> env, Long timeoutSeconds) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RoutesTable.KEY, s(RoutesTable.projectKey(key.project().value())));
        item.put(RoutesTable.REPO_URL, s(repoUrl));
        item.put(RoutesTable.DEFAULT_BRANCH, s("main"));
        item.put(RoutesTable.AGENT_ARGV, AttributeValue.fromL(argv.stream().map(AttributeValue::fromS).toList()));
        if (env != null) {
            Map<String, AttributeValue> m = new HashMap<>();
            env.forEach((k, v) -> m.put(k, s(v)));
            item.put(RoutesTable.AGENT_ENV, AttributeValue.fromM(m));
        }
        if (timeoutSeconds != null) {
            item.put(RoutesTable.AGENT_TIMEOUT_SECONDS, n(timeoutSeconds));
        }
        emulators.dynamoDb().putItem(b -> b.tableName(tables.routes()).item(item));
    }

    /** Writes a QUEUED command item and sends its message (dedup id = commandId, group = container key). */
    public CommandMessage command(ThreadId thread, String title, String instruction) {
        CommandMessage command = record(thread, title, instruction);
        send(command, command.commandId().value());
        return command;
    }

    /** Sends a command written by {@link #record}. */
    public void send(CommandMessage command) {
        send(command, command.commandId().value());
    }

    /** Writes a QUEUED command item only; {@link #send(CommandMessage)} puts its message on the queue. */
    public CommandMessage record(ThreadId thread, String title, String instruction) {
        CommandMessage command = CommandMessage.of(CommandId.of("test", UUID.randomUUID().toString()), thread, key,
                sequence.incrementAndGet(), Channel.EMAIL, title, instruction, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CommandsTable.COMMAND_ID, s(command.commandId().value()));
        item.put(CommandsTable.THREAD_ID, s(thread.value()));
        item.put(CommandsTable.CONTAINER_KEY, s(key.value()));
        item.put(CommandsTable.SEQUENCE, n(command.sequence()));
        item.put(CommandsTable.STATUS, s(CommandStatus.QUEUED.name()));
        item.put(CommandsTable.TITLE, s(command.title()));
        item.put(CommandsTable.INSTRUCTION, s(instruction));
        item.put(CommandsTable.CHANNEL, s(command.channel().name()));
        item.put(CommandsTable.CREATED_AT, n(command.createdAt().toEpochMilli()));
        item.put(CommandsTable.PENDING_SHARD, s(CommandsTable.PENDING_SHARD_ALL));
        item.put(CommandsTable.PENDING_SINCE, n(command.createdAt().toEpochMilli()));
        emulators.dynamoDb().putItem(b -> b.tableName(tables.commands()).item(item));
        return command;
    }

    /** Sends {@code command}'s message again (a new dedup id, as a redelivery past the dedup window). */
    public void sendAgain(CommandMessage command) {
        send(command, command.commandId().value() + "-again");
    }

    public void sendRaw(String body, String dedupId) {
        emulators.sqs().sendMessage(b -> b.queueUrl(inQueueUrl()).messageBody(body)
                .messageGroupId(key.value()).messageDeduplicationId(dedupId));
    }

    /** Everything the worker published on {@code -out} so far (reads and keeps what is new). */
    public List<QueueMessage> out() {
        while (true) {
            List<Message> batch = emulators.sqs().receiveMessage(b -> b.queueUrl(urls.get(queues.out()))
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return new ArrayList<>(received);
            }
            for (Message message : batch) {
                received.add(CODEC.decode(message.body()));
                emulators.sqs().deleteMessage(b -> b.queueUrl(urls.get(queues.out())).receiptHandle(message.receiptHandle()));
            }
        }
    }

    public List<ResultMessage> results(CommandId commandId) {
        return out().stream().filter(m -> m instanceof ResultMessage r && r.commandId().equals(commandId))
                .map(ResultMessage.class::cast).toList();
    }

    public Optional<ResultMessage> result(CommandId commandId) {
        return results(commandId).stream().findFirst();
    }

    /** Messages in the in queue, visible or in flight. */
    public int inQueueDepth() {
        return depth(inQueueUrl());
    }

    private int depth(String url) {
        Map<QueueAttributeName, String> attributes = emulators.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    public Map<String, AttributeValue> commandItem(CommandId commandId) {
        return emulators.dynamoDb().getItem(b -> b.tableName(tables.commands()).consistentRead(true)
                .key(Map.of(CommandsTable.COMMAND_ID, s(commandId.value())))).item();
    }

    public Map<String, AttributeValue> containerItem() {
        return emulators.dynamoDb().getItem(b -> b.tableName(tables.containers()).consistentRead(true)
                .key(Map.of(ContainersTable.CONTAINER_KEY, s(key.value())))).item();
    }

    /** The environment a launcher gives the worker process. */
    public Map<String, String> environment(Path workspace, long idleSeconds, long leaseSeconds) {
        Map<String, String> env = new HashMap<>();
        env.put(WorkerConfig.CONTAINER_KEY, key.value());
        env.put(WorkerConfig.SQS_ENDPOINT, emulators.sqsEndpoint().toString());
        if (emulators.dynamoDbEndpoint() != null) {
            env.put(WorkerConfig.DYNAMODB_ENDPOINT, emulators.dynamoDbEndpoint().toString());
        }
        env.put(WorkerConfig.TABLE_PREFIX, tables.prefix());
        env.put(WorkerConfig.WORKSPACE, workspace.toString());
        env.put(WorkerConfig.IDLE_TIMEOUT_SECONDS, Long.toString(idleSeconds));
        env.put(WorkerConfig.LEASE_SECONDS, Long.toString(leaseSeconds));
        for (String name : WorkerConfig.AGENT_INHERITED) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    public WorkerConfig config(Path workspace, Duration idleTimeout, Duration lease) {
        return config(workspace, idleTimeout, lease, Map.of());
    }

    /** With more {@code HERMES_*} settings (timings) on top. */
    public WorkerConfig config(Path workspace, Duration idleTimeout, Duration lease, Map<String, String> more) {
        Map<String, String> env = environment(workspace, idleTimeout.toSeconds(), lease.toSeconds());
        env.putAll(more);
        return WorkerConfig.fromEnvironment(env);
    }

    /** Fast timings for tests: visibility 3 s, retry back-off 1 s, stop grace 1 s. */
    public static Map<String, String> fastTimings() {
        return Map.of(WorkerConfig.VISIBILITY_TIMEOUT_SECONDS, "3", WorkerConfig.RETRY_BACKOFF_SECONDS, "1",
                WorkerConfig.STOP_GRACE_MILLIS, "1000");
    }

    /** The project's routes item with extra attributes (output cap, preempt policy). */
    public void projectAttribute(String name, AttributeValue value) {
        emulators.dynamoDb().updateItem(b -> b.tableName(tables.routes())
                .key(Map.of(RoutesTable.KEY, s(RoutesTable.projectKey(key.project().value()))))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", name))
                .expressionAttributeValues(Map.of(":v", value)));
    }

    private void createQueues() {
        String dlq = emulators.sqs().createQueue(b -> b.queueName(queues.dlq()).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String dlqArn = emulators.sqs().getQueueAttributes(b -> b.queueUrl(dlq)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        urls.put(queues.dlq(), dlq);
        urls.put(queues.in(), emulators.sqs().createQueue(b -> b.queueName(queues.in()).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}"))).queueUrl());
        urls.put(queues.ctl(), emulators.sqs().createQueue(b -> b.queueName(queues.ctl())).queueUrl());
        urls.put(queues.out(), emulators.sqs().createQueue(b -> b.queueName(queues.out())).queueUrl());
    }

    private void putContainer() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ContainersTable.CONTAINER_KEY, s(key.value()));
        item.put(ContainersTable.PROJECT_ID, s(key.project().value()));
        item.put(ContainersTable.USER_ID, s(key.user().value()));
        item.put(ContainersTable.STATUS, s(ContainerStatus.STARTING.name()));
        item.put(ContainersTable.STARTING_AT, n(STARTING_AT));
        item.put(ContainersTable.IN_QUEUE_URL, s(urls.get(queues.in())));
        item.put(ContainersTable.DLQ_URL, s(urls.get(queues.dlq())));
        item.put(ContainersTable.CTL_QUEUE_URL, s(urls.get(queues.ctl())));
        item.put(ContainersTable.OUT_QUEUE_URL, s(urls.get(queues.out())));
        item.put(ContainersTable.NEXT_SEQUENCE, n(1));
        emulators.dynamoDb().putItem(b -> b.tableName(tables.containers()).item(item));
    }

    private void send(CommandMessage command, String dedupId) {
        sendRaw(CODEC.encode(command), dedupId);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
