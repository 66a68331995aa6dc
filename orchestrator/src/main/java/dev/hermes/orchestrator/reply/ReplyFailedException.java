package dev.hermes.orchestrator.reply;

/** A reply could not be delivered now; the result stays on its queue and is retried. */
public class ReplyFailedException extends RuntimeException {
    public ReplyFailedException(String replyId, String reason, Throwable cause) {
        super("reply " + replyId + " not sent: " + reason, cause);
    }
}
