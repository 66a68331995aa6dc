package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.thread.ThreadMentions;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.table.RoutesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Slack {@code event_callback} as an {@link InboundMessage}, or nothing for events Hermes must not
 * act on: other event types, edits, deletions, joins, and anything a bot (Hermes itself included)
 * wrote, so a reply can never loop back as an instruction. Only {@code message} events are taken:
 * an {@code app_mention} repeats a channel message under another event id.
 */
final class SlackEvents {
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");
    private static final Pattern TS = Pattern.compile("[0-9]{1,12}\\.[0-9]{1,9}");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** Subtypes that are still a person writing; every other subtype is ignored. */
    private static final Set<String> HUMAN_SUBTYPES = Set.of("file_share", "thread_broadcast");
    private static final int TITLE_CHARS = 60;

    private SlackEvents() {
    }

    /** The thread-keys key of a Slack thread. */
    static String threadKey(String team, String channel, String threadTs) {
        return "slack:" + team + ":" + channel + ":" + threadTs;
    }

    static Optional<InboundMessage> from(JsonBody payload, String botUserId) {
        String eventId = payload.required("event_id", EVENT_ID);
        JsonBody event = payload.object("event");
        if (!"message".equals(event.text("type").orElse(""))) {
            return Optional.empty();
        }
        Optional<String> subtype = event.text("subtype");
        if (event.has("bot_id") || subtype.isPresent() && !HUMAN_SUBTYPES.contains(subtype.get())
                || event.text("user").isEmpty() || botUserId.equals(event.text("user").get())) {
            return Optional.empty();
        }
        String user = event.required("user", SLACK_ID);
        String team = event.text("team").isPresent() ? event.required("team", SLACK_ID) : payload.required("team_id", SLACK_ID);
        String channel = event.required("channel", SLACK_ID);
        String ts = event.required("ts", TS);
        String threadTs = event.text("thread_ts").isPresent() ? event.required("thread_ts", TS) : ts;
        String raw = unescape(event.text("text").orElse("").replace("<@" + botUserId + ">", ""));
        String text = ThreadMentions.strip(raw);
        if (text.isEmpty()) {
            throw RejectedException.unprocessable("empty_message", "the message has no text");
        }
        List<ThreadHint> hints = new ArrayList<>();
        ThreadMentions.find(raw).forEach(id -> hints.add(ThreadHint.threadId(ThreadSignal.TOKEN, id)));
        String key = threadKey(team, channel, threadTs);
        hints.add(ThreadHint.key(ThreadSignal.CHAT, key));
        String title = text.lines().findFirst().orElse("");
        title = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS) : title;
        ReplyRoute reply = new ReplyRoute(channel, ts, List.of(), title,
                Map.of("team", team, "channel", channel, "thread_ts", threadTs));
        return Optional.of(new InboundMessage(Channel.SLACK, eventId, RoutesTable.slackKey(team, user), hints,
                key, List.of(key), Optional.empty(), title, text, reply, List.of()));
    }

    /** Slack escapes only these three in message text. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
