package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.thread.ThreadToken;
import dev.hermes.protocol.message.ResultMessage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the reply to a command: threaded on the message it answers ({@code In-Reply-To},
 * {@code References}), {@code Reply-To} the thread's plus-address, the thread token in the footer.
 */
@Singleton
public class ReplyComposer {
    private static final Pattern HAS_RE = Pattern.compile("^\\s*re\\s*:", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REFERENCES = 20;
    private final EmailConfig email;

    public ReplyComposer(EmailConfig email) {
        this.email = email;
    }

    public OutgoingEmail compose(String replyId, CommandRecord command, ResultMessage result) {
        ReplyRoute route = command.replyRoute();
        String subject = route.subject().isBlank() ? command.title() : route.subject();
        if (!HAS_RE.matcher(subject).find()) {
            subject = "Re: " + subject;
        }
        List<String> references = new ArrayList<>(route.references());
        if (route.messageId() != null && !route.messageId().isBlank() && !references.contains(route.messageId())) {
            references.add(route.messageId());
        }
        if (references.size() > MAX_REFERENCES) {
            // Keep the root and the most recent ones, as RFC 5322 suggests for long chains.
            List<String> trimmed = new ArrayList<>(List.of(references.get(0)));
            trimmed.addAll(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            references = trimmed;
        }
        String messageId = "<" + replyId + "@" + email.domain() + ">";
        return new OutgoingEmail(messageId, email.fromName(), email.fromAddress(), route.address(),
                email.replyAddress(command.threadId().value()), subject, route.messageId(), references,
                text(command, result), null);
    }

    private static String text(CommandRecord command, ResultMessage result) {
        StringBuilder b = new StringBuilder();
        b.append(headline(result)).append("\n\n");
        if (!result.summary().isBlank()) {
            b.append(result.summary()).append("\n\n");
        }
        b.append("Status: ").append(result.status()).append('\n');
        if (result.branch() != null) {
            b.append("Branch: ").append(result.branch()).append('\n');
        }
        if (result.commitSha() != null) {
            b.append("Commit: ").append(result.commitSha()).append('\n');
        }
        if (!result.filesChanged().isEmpty()) {
            b.append("Files changed:\n");
            result.filesChanged().stream().limit(50).forEach(f -> b.append("  - ").append(f).append('\n'));
            if (result.filesChanged().size() > 50) {
                b.append("  … and ").append(result.filesChanged().size() - 50).append(" more\n");
            }
        }
        b.append("\n-- \nReply to this email to continue the thread.\n")
                .append(ThreadToken.format(command.threadId())).append('\n');
        return b.toString();
    }

    private static String headline(ResultMessage result) {
        return switch (result.status()) {
            case SUCCEEDED -> "Done.";
            case FAILED -> "It did not work out.";
            case TIMED_OUT -> "It ran out of time; the work so far is saved on the branch.";
            case SUPERSEDED -> "Stopped in favour of your newer message; the work so far is saved.";
            case INTERRUPTED -> "Interrupted by work on another thread; the work so far is saved.";
            case DEAD_LETTERED -> "This could not be processed.";
            default -> "Status: " + result.status();
        };
    }
}
