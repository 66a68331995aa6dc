package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.orchestrator.thread.ThreadToken;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.table.RoutesTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw RFC 5322 bytes to an {@link InboundMessage}. Everything a sender controls is validated here;
 * a message that breaks a limit of {@link EmailIntakeConfig} is refused before it is parsed.
 *
 * <p>Thread hints, strongest first: plus-addresses, every Message-ID of {@code In-Reply-To} and
 * {@code References}, the Outlook {@code Thread-Index} conversation, footer tokens. A forward
 * (a forward prefix in the subject, or a forwarded-message block in a message that is no reply)
 * keeps only its plus-addresses and tokens written in its own new text: what it quotes belongs to
 * another conversation. A forwarded block under a reply to one of Hermes's own messages is a reply.
 */
@Singleton
public class MimeParser {
    private static final Logger LOG = LoggerFactory.getLogger(MimeParser.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");
    private static final int MAX_REFERENCES = 50;

    static {
        MailStreams.nameProvider();
    }
    private final Session session;
    private final EmailConfig email;
    private final EmailIntakeConfig limits;

    @Inject
    public MimeParser(EmailConfig email, EmailIntakeConfig limits) {
        this.email = email;
        this.limits = limits;
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true"); // raw UTF-8 header values (SMTPUTF8 senders)
        props.setProperty("mail.mime.address.strict", "false"); // one odd address must not sink the message
        this.session = Session.getInstance(props);
    }

    /** With the default limits. */
    public MimeParser(EmailConfig email) {
        this(email, EmailIntakeConfig.DEFAULTS);
    }

    public InboundMessage parse(byte[] raw, List<String> envelopeRecipients) {
        if (raw == null || raw.length == 0) {
            throw RejectedException.badRequest("empty_message", "the request body holds no message");
        }
        HeaderLimits.check(raw, limits);
        try {
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
            String from = sender(mime);
            String messageId = firstId(mime.getMessageID()).orElseGet(() -> "<" + sha256(raw) + "@hermes.missing-id>");
            List<String> inReplyTo = ids(mime.getHeader("In-Reply-To", " "));
            List<String> references = ids(mime.getHeader("References", " "));
            Optional<String> threadIndex = ThreadIndex.conversationKey(mime.getHeader("Thread-Index", null));
            SubjectLine subject = SubjectLine.of(mime.getSubject());
            MimeText.Body body = MimeText.of(mime);
            InstructionText.Split split = InstructionText.split(body.text());
            boolean forward = subject.forward() || split.cut() == InstructionText.Cut.FORWARD
                    && !subject.reply() && inReplyTo.stream().noneMatch(this::ours);

            Recipients recipients = Recipients.of(mime, envelopeRecipients, email);
            List<ThreadHint> hints = new ArrayList<>();
            recipients.plusAddressThreads().forEach(t -> hints.add(ThreadHint.threadId(ThreadSignal.PLUS_ADDRESS, t)));
            if (forward) {
                split.tokens().forEach(t -> hints.add(ThreadHint.threadId(ThreadSignal.TOKEN, t)));
            } else {
                Set<String> headerIds = new LinkedHashSet<>(inReplyTo);
                for (int i = references.size() - 1; i >= 0; i--) {
                    headerIds.add(references.get(i)); // the nearest ancestor is the strongest
                }
                headerIds.stream().limit(MAX_REFERENCES).forEach(id -> hints.add(ThreadHint.key(ThreadSignal.REPLY_HEADER, id)));
                threadIndex.ifPresent(key -> hints.add(ThreadHint.key(ThreadSignal.REPLY_HEADER, key)));
                ThreadToken.find(subject.raw() + "\n" + body.source())
                        .forEach(t -> hints.add(ThreadHint.threadId(ThreadSignal.TOKEN, t)));
            }

            String instruction = split.text().isEmpty() ? subject.title() : split.text();
            if (instruction.isEmpty()) {
                throw RejectedException.unprocessable("no_instruction", "the message has no text to act on");
            }
            if (instruction.length() > limits.maxInstructionChars()) {
                throw new RejectedException(413, "instruction_too_long",
                        "the instruction is longer than " + limits.maxInstructionChars() + " characters");
            }
            List<String> chain = new ArrayList<>(references);
            if (chain.isEmpty()) {
                chain.addAll(inReplyTo);
            }
            List<String> ownKeys = new ArrayList<>(List.of(messageId));
            threadIndex.ifPresent(ownKeys::add);
            Optional<ProjectId> project = recipients.project().or(subject::projectTag);
            // A thread is named after its conversation's root, so that a reply racing the message it
            // answers (neither known yet) still lands in the same thread. A forward starts its own.
            String rootKey = forward ? messageId
                    : !references.isEmpty() ? references.get(0) : !inReplyTo.isEmpty() ? inReplyTo.get(0) : messageId;
            return new InboundMessage(Channel.EMAIL, messageId, RoutesTable.emailKey(from), hints, rootKey, ownKeys,
                    project, subject.title(), instruction, new ReplyRoute(from, messageId, chain, subject.raw()),
                    body.attachments());
        } catch (MessagingException | IOException e) {
            throw RejectedException.badRequest("unparseable_mime", "the message is not valid MIME: " + oneLine(e.getMessage()));
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser library tripping over hostile input is still bad input, never a 5xx.
            LOG.warn("MIME parsing failed with {}", e.getClass().getName());
            throw RejectedException.badRequest("unparseable_mime", "the message is not valid MIME");
        }
    }

    /** A Message-ID Hermes wrote: {@code <…@{our domain}>}. */
    private boolean ours(String messageId) {
        return messageId.toLowerCase(Locale.ROOT).endsWith("@" + email.domain() + ">");
    }

    private static String oneLine(String text) {
        String s = text == null ? "unknown error" : text.replaceAll("[\\r\\n]+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String sender(MimeMessage mime) throws MessagingException {
        Address[] from = mime.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw RejectedException.badRequest("no_sender", "the message has no From address");
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
