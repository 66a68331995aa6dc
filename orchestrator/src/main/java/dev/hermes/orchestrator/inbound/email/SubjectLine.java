package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.thread.ThreadToken;
import dev.hermes.protocol.id.ProjectId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject, read: its reply/forward prefixes (in the languages mail clients write them), a leading
 * {@code [project]} tag, and the title that is left.
 */
record SubjectLine(String raw, String title, Optional<ProjectId> projectTag, boolean forward) {
    private static final String REPLY = "re|aw|sv|antw|r|rif|res|odp|vs";
    private static final String FORWARD = "fwd|fw|wg|tr|rv|enc|doorst|i|vb|fs|vl";
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(" + REPLY + "|" + FORWARD + ")\\s*(\\[\\d+]|\\(\\d+\\))?\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_WORD = Pattern.compile(FORWARD, Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("^\\s*\\[([^\\[\\]]{1,32})]\\s*");

    static SubjectLine of(String subject) {
        String rest = subject == null ? "" : subject.strip();
        Boolean firstIsForward = null;
        Optional<ProjectId> tag = Optional.empty();
        boolean progress = true;
        while (progress) {
            progress = false;
            Matcher prefix = PREFIX.matcher(rest);
            if (prefix.find()) {
                if (firstIsForward == null) {
                    firstIsForward = FORWARD_WORD.matcher(prefix.group(1)).matches();
                }
                rest = rest.substring(prefix.end());
                progress = true;
                continue;
            }
            Matcher t = TAG.matcher(rest);
            if (t.find() && ProjectId.PATTERN.matcher(t.group(1)).matches()) {
                tag = tag.isPresent() ? tag : Optional.of(new ProjectId(t.group(1)));
                rest = rest.substring(t.end());
                progress = true;
            }
        }
        String title = ThreadToken.PATTERN.matcher(rest).replaceAll("").strip();
        return new SubjectLine(subject == null ? "" : subject.strip(), title, tag,
                Boolean.TRUE.equals(firstIsForward));
    }

    /** Whether the subject's first prefix is a reply prefix ("Re:", "AW:" …). */
    boolean reply() {
        Matcher prefix = PREFIX.matcher(raw);
        return prefix.find() && !FORWARD_WORD.matcher(prefix.group(1).toLowerCase(Locale.ROOT)).matches();
    }
}
