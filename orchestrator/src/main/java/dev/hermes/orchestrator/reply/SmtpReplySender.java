package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.config.SmtpConfig;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends replies over plain SMTP (GreenMail in local mode), keeping Hermes's own Message-ID. */
@Singleton
public class SmtpReplySender implements ReplySender {
    private final Session session;

    public SmtpReplySender(SmtpConfig config) {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.connectiontimeout", Integer.toString(config.timeoutMillis()));
        props.put("mail.smtp.timeout", Integer.toString(config.timeoutMillis()));
        this.session = Session.getInstance(props);
    }

    @Override
    public String send(OutgoingEmail email) {
        try {
            MimeMessage mime = toMime(session, email);
            Transport.send(mime);
            return email.messageId();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new ReplyFailedException(email.messageId(), e.getMessage(), e);
        }
    }

    /** The MIME form of a reply; also used by the SES sender, which sends raw messages. */
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
