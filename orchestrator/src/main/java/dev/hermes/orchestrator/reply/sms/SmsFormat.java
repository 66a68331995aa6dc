package dev.hermes.orchestrator.reply.sms;

import dev.hermes.orchestrator.reply.ReplyContent;
import dev.hermes.protocol.id.ThreadId;

/**
 * A reply as one SMS of at most {@code maxSegments} segments: headline, summary, branch and short
 * commit, and the thread mention {@code #{threadId}} last, which is always kept. When it does not
 * fit, the summary is shortened at a word and ends in an ellipsis; the headline is cut only if even
 * that is not enough.
 */
public final class SmsFormat {
    private SmsFormat() {
    }

    public static String text(ReplyContent c, ThreadId thread, int maxSegments) {
        String head = SmsText.plain(c.headline());
        String summary = SmsText.plain(c.summary()).replaceAll("\\s+", " ").strip();
        StringBuilder work = new StringBuilder();
        if (c.branch() != null) {
            work.append(" Branch ").append(c.branch());
            if (c.commitSha() != null) {
                work.append(", commit ").append(c.shortCommit());
            }
            if (!c.brief() && !c.filesChanged().isEmpty()) {
                work.append(", ").append(c.filesChanged().size()).append(c.filesChanged().size() == 1 ? " file" : " files");
            }
            work.append('.');
        }
        String tail = SmsText.plain(work.toString()) + " #" + thread.value();
        String full = summary.isEmpty() ? head + tail : head + " " + summary + tail;
        boolean gsm = SmsText.isGsm(full);
        int room = SmsText.capacity(maxSegments, gsm);
        if (SmsText.units(full, gsm) <= room) {
            return full;
        }
        String ellipsis = gsm ? "..." : "…";
        int left = room - SmsText.units(head + tail, gsm) - 1 - SmsText.units(ellipsis, gsm);
        if (!summary.isEmpty() && left >= 10) {
            return head + " " + cut(summary, left, gsm) + ellipsis + tail;
        }
        int headRoom = room - SmsText.units(tail, gsm) - SmsText.units(ellipsis, gsm);
        return cut(head, Math.max(0, headRoom), gsm) + ellipsis + tail;
    }

    /** The longest prefix within {@code units}, at a word boundary when one is near. */
    private static String cut(String s, int units, boolean gsm) {
        int end = 0;
        int used = 0;
        while (end < s.length()) {
            int cost = SmsText.units(s.substring(end, end + 1), gsm);
            if (used + cost > units) {
                break;
            }
            used += cost;
            end++;
        }
        if (Character.isLowSurrogate(end < s.length() ? s.charAt(end) : 'x') && end > 0) {
            end--; // never split a surrogate pair
        }
        int space = s.lastIndexOf(' ', end);
        if (end < s.length() && space > end * 2 / 3) {
            end = space;
        }
        return s.substring(0, end).stripTrailing();
    }
}
