package dev.hermes.orchestrator.reply;

import static dev.hermes.orchestrator.reply.ReplyAttributes.*;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.chat.ChatFormat;
import dev.hermes.orchestrator.reply.email.EmailFormat;
import dev.hermes.orchestrator.reply.slack.SlackFormat;
import dev.hermes.orchestrator.reply.sms.SmsFormat;
import dev.hermes.protocol.id.ThreadId;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a reply for the channel the command came from, answering where it came from: email
 * threaded on the message it answers ({@code In-Reply-To}, {@code References}, {@code Reply-To} the
 * thread's plus-address, the token in the footer); SMS to the phone from the number it texted; Slack
 * in its thread; the generic chat to the conversation's callback.
 */
@Singleton
public class ReplyComposer {
    private static final Pattern HAS_RE = Pattern.compile("^\\s*re\\s*:", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REFERENCES = 20;
    private final EmailConfig email;
    private final int smsMaxSegments;

    public ReplyComposer(EmailConfig email, ReplyConfig config) {
        this.email = email;
        this.smsMaxSegments = config.smsMaxSegments();
    }

    public Reply compose(String replyId, CommandRecord command, ReplyContent content) {
        ReplyRoute route = command.replyRoute();
        ThreadId thread = command.threadId();
        String commandId = command.commandId().value();
        return switch (command.channel()) {
            case EMAIL -> new Reply(replyId, content.kind(), commandId, thread, command.channel(), route.address(),
                    subject(route, command), EmailFormat.text(content, thread), EmailFormat.html(content, thread),
                    emailAttributes(replyId, route, thread));
            case SMS -> new Reply(replyId, content.kind(), commandId, thread, command.channel(), route.address(), "",
                    SmsFormat.text(content, thread, smsMaxSegments), null, present(Map.of(), FROM, route.attributes().get("from")));
            case SLACK -> new Reply(replyId, content.kind(), commandId, thread, command.channel(),
                    route.attributes().getOrDefault("channel", route.address()), "", SlackFormat.text(content, thread), null,
                    present(present(Map.of(), SLACK_TEAM, route.attributes().get("team")), SLACK_THREAD_TS,
                            route.attributes().get("thread_ts")));
            case CHAT -> new Reply(replyId, content.kind(), commandId, thread, command.channel(), route.address(), "",
                    ChatFormat.text(content, thread), null, chatAttributes(route, content));
        };
    }

    private static String subject(ReplyRoute route, CommandRecord command) {
        String subject = route.subject().isBlank() ? command.title() : route.subject();
        return HAS_RE.matcher(subject).find() ? subject : "Re: " + subject;
    }

    private Map<String, String> emailAttributes(String replyId, ReplyRoute route, ThreadId thread) {
        List<String> references = new ArrayList<>(route.references());
        String answered = route.messageId();
        if (answered != null && !answered.isBlank() && !references.contains(answered)) {
            references.add(answered);
        }
        if (references.size() > MAX_REFERENCES) {
            // Keep the root and the most recent ones, as RFC 5322 suggests for long chains.
            List<String> trimmed = new ArrayList<>(List.of(references.get(0)));
            trimmed.addAll(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            references = trimmed;
        }
        Map<String, String> a = new HashMap<>();
        a.put(MESSAGE_ID, "<" + replyId + "@" + email.domain() + ">");
        a.put(FROM, email.fromAddress());
        a.put(FROM_NAME, email.fromName());
        a.put(REPLY_TO, email.replyAddress(thread.value()));
        a.put(REFERENCES, String.join(" ", references));
        return present(a, IN_REPLY_TO, answered == null || answered.isBlank() ? null : answered);
    }

    private static Map<String, String> chatAttributes(ReplyRoute route, ReplyContent c) {
        Map<String, String> a = new HashMap<>();
        a.put(CHAT_CONVERSATION, route.attributes().getOrDefault("conversationId", ""));
        a.put(FILES, String.join("\n", c.brief() ? List.of() : c.filesChanged()));
        a = present(a, CHAT_CALLBACK, route.attributes().get("callbackUrl"));
        a = present(a, STATUS, c.status() == null ? null : c.status().name());
        a = present(a, BRANCH, c.branch());
        return present(a, COMMIT, c.commitSha());
    }

    private static Map<String, String> present(Map<String, String> map, String key, String value) {
        if (value == null) {
            return map;
        }
        Map<String, String> out = new HashMap<>(map);
        out.put(key, value);
        return out;
    }
}
