package dev.hermes.orchestrator.thread;

import dev.hermes.protocol.id.ThreadId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thread ids written in short texts (SMS, chat): {@code #{threadId}} or the email footer token
 * {@code [hermes:{threadId}]}. A {@code #word} must stand alone: {@code a#bcdefghi} or
 * {@code #abcdefghij} (too long) is no mention.
 */
public final class ThreadMentions {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{Alnum}#_/-])#([a-z2-7]{" + ThreadId.LENGTH + "})(?![\\p{Alnum}_-])|" + ThreadToken.PATTERN.pattern());

    private ThreadMentions() {
    }

    /** Every thread id mentioned in {@code text}, in order of appearance, without repeats. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1) : m.group(2);
            if (!found.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /** {@code text} without its mentions, whitespace tidied: what the agent is asked to do. */
    public static String strip(String text) {
        return PATTERN.matcher(text).replaceAll("").replaceAll("[ \\t]{2,}", " ").strip();
    }
}
