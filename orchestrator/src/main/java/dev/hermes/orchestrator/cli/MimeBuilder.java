package dev.hermes.orchestrator.cli;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/** Builds the RFC 5322 message a mail client would send, as {@code ./hermes send email} posts it. */
public final class MimeBuilder {
    private MimeBuilder() {
    }

    public static byte[] build(String from, String to, String subject, String body, String inReplyTo) {
        try {
            String domain = from.substring(from.indexOf('@') + 1);
            String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            if (inReplyTo != null) {
                m.setHeader("In-Reply-To", inReplyTo);
                m.setHeader("References", inReplyTo);
            }
            m.setText(body, StandardCharsets.UTF_8.name());
            m.saveChanges();
            return HermesCli.bytes(m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build the message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
