package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.inbound.email.MailStreams;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The MIME form of a reply email: Hermes's own Message-ID, {@code In-Reply-To}/{@code References},
 * {@code Reply-To} the thread's plus-address, and {@code multipart/alternative} with the plain part
 * first and the HTML part last (clients show the last one they can read).
 */
public final class MimeReplies {
    private static final Session NO_TRANSPORT = Session.getInstance(new Properties());

    static {
        MailStreams.nameProvider();
    }

    private MimeReplies() {
    }

    public static MimeMessage toMime(Session session, OutgoingEmail email)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new FixedIdMimeMessage(session, email.messageId());
        mime.setFrom(new InternetAddress(email.from(), email.fromName(), StandardCharsets.UTF_8.name()));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to()));
        if (email.replyTo() != null) {
            mime.setReplyTo(InternetAddress.parse(email.replyTo()));
        }
        mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        if (email.inReplyTo() != null && !email.inReplyTo().isBlank()) {
            mime.setHeader("In-Reply-To", email.inReplyTo());
        }
        if (!email.references().isEmpty()) {
            mime.setHeader("References", String.join(" ", email.references()));
        }
        // Mail servers must not answer an automatic reply with another (RFC 3834).
        mime.setHeader("Auto-Submitted", "auto-replied");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        if (email.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /** The message as raw RFC 5322 bytes, for SES's raw content. */
    public static byte[] toBytes(OutgoingEmail email) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        toMime(NO_TRANSPORT, email).writeTo(out);
        return out.toByteArray();
    }

    /** Jakarta Mail replaces Message-ID on save; Hermes needs its own, already recorded. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
