package dev.hermes.orchestrator.command;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.CommandsTable.*;

import dev.hermes.orchestrator.inbound.Attachment;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@code commands} row as a DynamoDB item and back, for every writer of the table. */
public final class CommandItems {
    private CommandItems() {
    }

    /** The item of a new command, as the intake records it. */
    public static Map<String, AttributeValue> toItem(CommandRecord c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(COMMAND_ID, s(c.commandId().value()));
        item.put(THREAD_ID, s(c.threadId().value()));
        item.put(CONTAINER_KEY, s(c.containerKey().value()));
        item.put(STATUS, s(c.status().name()));
        item.put(CHANNEL, s(c.channel().name()));
        item.put(TITLE, s(c.title()));
        item.put(INSTRUCTION, s(c.instruction()));
        item.put(SIGNAL, s(c.signal().name()));
        item.put(BRANCH, s(c.branch()));
        item.put(ATTEMPTS, n(0));
        item.put(CREATED_AT, n(c.createdAt()));
        item.put(UPDATED_AT, n(c.createdAt()));
        // On the sparse pending index until a worker runs it (or it ends otherwise).
        item.put(PENDING_SHARD, s(PENDING_SHARD_ALL));
        item.put(PENDING_SINCE, n(c.createdAt()));
        ReplyRoute r = c.replyRoute();
        item.put(REPLY_ROUTE, AttributeValue.fromM(Map.of(
                "address", s(r.address()),
                "messageId", s(r.messageId() == null ? "" : r.messageId()),
                "references", list(r.references()),
                "subject", s(r.subject()),
                "attributes", AttributeValue.fromM(r.attributes().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))))));
        item.put(ATTACHMENTS, AttributeValue.fromL(c.attachments().stream().map(a -> AttributeValue.fromM(Map.of(
                "name", s(a.name()), "contentType", s(a.contentType()), "size", n(a.size())))).toList()));
        return item;
    }

    public static CommandRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> route = item.containsKey(REPLY_ROUTE) ? item.get(REPLY_ROUTE).m() : Map.of();
        ReplyRoute replyRoute = new ReplyRoute(Optional.ofNullable(Items.str(route, "address")).orElse(""),
                Items.str(route, "messageId"), Items.strings(route, "references"), Items.str(route, "subject"),
                Items.stringMap(route, "attributes"));
        String signal = Items.str(item, SIGNAL);
        return new CommandRecord(
                new CommandId(Items.str(item, COMMAND_ID)),
                new ThreadId(Items.str(item, THREAD_ID)),
                ContainerKey.parse(Items.str(item, CONTAINER_KEY)),
                Items.num(item, SEQUENCE, -1),
                CommandStatus.valueOf(Items.str(item, STATUS)),
                Channel.valueOf(Items.str(item, CHANNEL)),
                Items.str(item, TITLE),
                Items.str(item, INSTRUCTION),
                replyRoute,
                signal == null ? ThreadSignal.NEW : ThreadSignal.valueOf(signal),
                Items.num(item, ATTEMPTS, 0),
                Items.num(item, CREATED_AT, 0),
                Items.num(item, STARTED_AT, 0),
                Items.num(item, FINISHED_AT, 0),
                Items.str(item, SUMMARY),
                Items.str(item, BRANCH),
                Items.str(item, COMMIT_SHA),
                Items.strings(item, FILES_CHANGED),
                Items.str(item, REPLY_ID),
                item.containsKey(ATTACHMENTS) ? item.get(ATTACHMENTS).l().stream().map(a -> new Attachment(
                        Items.str(a.m(), "name"), Items.str(a.m(), "contentType"), Items.num(a.m(), "size", 0))).toList()
                        : List.of());
    }
}
