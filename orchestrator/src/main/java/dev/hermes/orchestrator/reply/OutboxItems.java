package dev.hermes.orchestrator.reply;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.OutboxTable.*;

import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An outbox entry as a DynamoDB item and back. */
final class OutboxItems {
    private OutboxItems() {
    }

    static Map<String, AttributeValue> item(Reply r, ReplyStatus status, long now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(REPLY_ID, s(r.replyId()));
        item.put(KIND, s(r.kind().name()));
        if (r.commandId() != null) {
            item.put(COMMAND_ID, s(r.commandId()));
        }
        item.put(THREAD_ID, s(r.threadId().value()));
        item.put(CHANNEL, s(r.channel().name()));
        item.put(DESTINATION, s(r.destination()));
        item.put(SUBJECT, s(r.subject()));
        item.put(BODY, s(r.text()));
        if (r.html() != null) {
            item.put(HTML, s(r.html()));
        }
        item.put(ATTRIBUTES, AttributeValue.fromM(r.attributes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        item.put(STATUS, s(status.name()));
        item.put(ATTEMPTS, n(0));
        item.put(NEXT_ATTEMPT_AT, n(now));
        if (status == ReplyStatus.PENDING) {
            item.put(DUE_CHANNEL, s(r.channel().name()));
        }
        item.put(CREATED_AT, n(now));
        item.put(UPDATED_AT, n(now));
        return item;
    }

    static OutboxEntry entry(Map<String, AttributeValue> i) {
        Reply reply = new Reply(Items.str(i, REPLY_ID), Reply.Kind.valueOf(Items.str(i, KIND)), Items.str(i, COMMAND_ID),
                new ThreadId(Items.str(i, THREAD_ID)), Channel.valueOf(Items.str(i, CHANNEL)), Items.str(i, DESTINATION),
                Items.str(i, SUBJECT), Items.str(i, BODY), Items.str(i, HTML), Items.stringMap(i, ATTRIBUTES));
        return new OutboxEntry(reply, ReplyStatus.valueOf(Items.str(i, STATUS)), Items.num(i, ATTEMPTS, 0),
                Items.num(i, NEXT_ATTEMPT_AT, 0), Items.str(i, PROVIDER_MESSAGE_ID), Items.str(i, LAST_ERROR),
                Items.num(i, CREATED_AT, 0), Items.num(i, UPDATED_AT, 0), Items.num(i, SENT_AT, 0));
    }

    /** Errors are kept short: they are for an operator's eye, not a log archive. */
    static String shortError(String reason) {
        String r = reason == null || reason.isBlank() ? "unknown" : reason.strip();
        return r.length() <= 500 ? r : r.substring(0, 500) + "…";
    }
}
