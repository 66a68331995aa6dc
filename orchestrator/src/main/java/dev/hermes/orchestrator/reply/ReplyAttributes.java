package dev.hermes.orchestrator.reply;

/** Names of the channel specifics a {@link Reply} carries in its attributes. */
public final class ReplyAttributes {
    /** Email: Hermes's own Message-ID of the reply, recorded in thread-keys before it is sent. */
    public static final String MESSAGE_ID = "messageId";
    /** Email: Hermes's From address. SMS: Hermes's number the person texted, the reply's From. */
    public static final String FROM = "from";
    public static final String FROM_NAME = "fromName";
    /** Email: the thread's plus-address. */
    public static final String REPLY_TO = "replyTo";
    public static final String IN_REPLY_TO = "inReplyTo";
    /** Email: the References chain, space-separated as in the header. */
    public static final String REFERENCES = "references";
    public static final String SLACK_TEAM = "team";
    public static final String SLACK_THREAD_TS = "thread_ts";
    public static final String CHAT_CONVERSATION = "conversationId";
    public static final String CHAT_CALLBACK = "callbackUrl";
    /** Chat: the command's status and work, sent as fields of the callback's JSON. */
    public static final String STATUS = "status";
    public static final String BRANCH = "branch";
    public static final String COMMIT = "commitSha";
    /** Chat: changed files, one per line. */
    public static final String FILES = "filesChanged";

    private ReplyAttributes() {
    }
}
