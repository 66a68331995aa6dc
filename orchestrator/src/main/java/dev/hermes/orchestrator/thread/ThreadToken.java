package dev.hermes.orchestrator.thread;

import dev.hermes.protocol.id.ThreadId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The footer token {@code [hermes:{threadId}]} that survives mail clients which drop headers. */
public final class ThreadToken {
    public static final Pattern PATTERN = Pattern.compile("\\[hermes:([a-z2-7]{" + ThreadId.LENGTH + "})]");

    private ThreadToken() {
    }

    public static String format(ThreadId threadId) {
        return "[hermes:" + threadId.value() + "]";
    }

    /** Every token in {@code text}, in order of appearance, without repeats. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
