package dev.hermes.orchestrator.inbound.sms;

import dev.hermes.orchestrator.inbound.Attachment;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Twilio incoming-message webhook as an {@link InboundMessage}. Thread clues: a mentioned thread
 * ({@code #{threadId}} or {@code [hermes:{threadId}]}) first, then the phone pair
 * {@code sms:{a}|{b}}. A body starting with {@code #new} or {@code new:} asks for a new thread.
 */
public final class SmsMessages {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");
    private static final Pattern NEW_THREAD = Pattern.compile("(?i)^\\s*(#new\\b|new:)\\s*");
    private static final int MAX_MEDIA = 10;
    private static final int TITLE_CHARS = 60;

    private SmsMessages() {
    }

    /** The thread-keys key of a phone conversation: both numbers, sorted. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? "sms:" + a + "|" + b : "sms:" + b + "|" + a;
    }

    public static InboundMessage from(FormBody form) {
        String sid = form.required("MessageSid");
        if (!SID.matcher(sid).matches()) {
            throw RejectedException.badRequest("bad_field", "MessageSid is not a Twilio SID");
        }
        String from = phone(form, "From");
        String to = phone(form, "To");
        String body = form.first("Body").orElse("");
        boolean fresh = NEW_THREAD.matcher(body).find();
        String text = ThreadMentions.strip(NEW_THREAD.matcher(body).replaceFirst(""));
        List<Attachment> media = media(form);
        if (text.isEmpty() && media.isEmpty()) {
            throw RejectedException.unprocessable("empty_message", "the message has no text and no media");
        }
        List<ThreadHint> hints = new ArrayList<>();
        if (!fresh) {
            ThreadMentions.find(body).forEach(id -> hints.add(ThreadHint.threadId(ThreadSignal.TOKEN, id)));
            hints.add(ThreadHint.key(ThreadSignal.SMS_PAIR, pairKey(from, to)));
        }
        String title = text.isEmpty() ? "(media)" : text.lines().findFirst().orElse("");
        title = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS) : title;
        ReplyRoute reply = new ReplyRoute(from, sid, List.of(), title, Map.of("from", to));
        // A new thread is named after the pair, so two first texts racing each other share it;
        // "#new" names it after the message, so it really is new.
        String root = fresh ? "sms:" + sid : pairKey(from, to);
        return new InboundMessage(Channel.SMS, sid, RoutesTable.smsKey(from), hints, root, List.of(),
                Optional.empty(), title, text, reply, media);
    }

    private static String phone(FormBody form, String name) {
        String value = form.required(name).strip();
        if (!E164.matcher(value).matches()) {
            throw RejectedException.badRequest("bad_field", name + " is not an E.164 phone number");
        }
        return value;
    }

    private static List<Attachment> media(FormBody form) {
        int count;
        try {
            count = Integer.parseInt(form.first("NumMedia").orElse("0"));
        } catch (NumberFormatException e) {
            throw RejectedException.badRequest("bad_field", "NumMedia is not a number");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw RejectedException.badRequest("bad_field", "NumMedia must be 0.." + MAX_MEDIA);
        }
        List<Attachment> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = form.first("MediaContentType" + i).orElse("application/octet-stream");
            media.add(new Attachment("media-" + i, type.toLowerCase(Locale.ROOT), 0));
        }
        return media;
    }
}
