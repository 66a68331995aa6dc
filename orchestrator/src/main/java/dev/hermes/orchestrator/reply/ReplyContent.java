package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import java.util.List;
import java.util.Objects;

/**
 * What a reply tells, before any channel's formatting: a headline, the worker's summary, and the
 * work (branch, commit, files changed). A {@code brief} reply is a short notice (a superseded,
 * interrupted, timed-out or failed command; an acknowledgement): no file list.
 */
public record ReplyContent(Reply.Kind kind, CommandStatus status, String headline, String summary, String branch,
                           String commitSha, List<String> filesChanged, boolean brief) {
    /** Summaries are the worker's short account; a runaway one is cut here, not in every channel. */
    static final int MAX_SUMMARY_CHARS = 4000;

    public ReplyContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        summary = summary == null ? "" : cut(summary.strip());
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
    }

    public static ReplyContent result(ResultMessage r) {
        boolean brief = r.status() != CommandStatus.SUCCEEDED;
        return new ReplyContent(Reply.Kind.RESULT, r.status(), headline(r.status()), r.summary(), r.branch(),
                r.commitSha(), r.filesChanged(), brief);
    }

    /** The acknowledgement of a cold start, with the configured text. */
    public static ReplyContent coldStart(String text) {
        return new ReplyContent(Reply.Kind.ACK, null, text, "", null, null, List.of(), true);
    }

    /** The one notice for a command that failed on every delivery and sits in its dead-letter queue. */
    public static ReplyContent couldNotProcess(String account, String branch) {
        String summary = (account == null || account.isBlank() ? "" : account.strip() + " ")
                + "Send it again to retry, or ask the operator to redrive it.";
        return new ReplyContent(Reply.Kind.NOTICE, CommandStatus.DEAD_LETTERED, headline(CommandStatus.DEAD_LETTERED),
                summary, branch, null, List.of(), true);
    }

    static String headline(CommandStatus status) {
        return switch (status) {
            case SUCCEEDED -> "Done.";
            case FAILED -> "It did not work out.";
            case TIMED_OUT -> "It ran out of time; the work so far is saved on the branch.";
            case SUPERSEDED -> "Stopped in favour of your newer message; the work so far is saved.";
            case INTERRUPTED -> "Interrupted by work on another thread; the work so far is saved.";
            case DEAD_LETTERED -> "Your message could not be processed.";
            default -> "Status: " + status;
        };
    }

    /** The commit as people read it: the first 7 characters. */
    public String shortCommit() {
        return commitSha == null ? null : commitSha.substring(0, Math.min(7, commitSha.length()));
    }

    private static String cut(String s) {
        return s.length() <= MAX_SUMMARY_CHARS ? s : s.substring(0, MAX_SUMMARY_CHARS) + "…";
    }
}
