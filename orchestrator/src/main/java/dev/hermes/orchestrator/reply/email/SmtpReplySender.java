package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.reply.Accepted;
import dev.hermes.orchestrator.reply.Reply;
import dev.hermes.orchestrator.reply.ReplyFailedException;
import dev.hermes.orchestrator.reply.ReplySender;
import dev.hermes.orchestrator.reply.RetryPolicy;
import dev.hermes.protocol.state.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.UnsupportedEncodingException;
import java.util.Properties;

/**
 * Sends reply emails over plain SMTP (GreenMail in local mode), keeping Hermes's own Message-ID,
 * which is the provider id. The email sender unless {@code hermes.reply.ses.enabled} is true.
 */
@Singleton
@Requires(property = "hermes.reply.ses.enabled", notEquals = "true")
public class SmtpReplySender implements ReplySender {
    private final Session session;
    private final RetryPolicy retry;

    public SmtpReplySender(SmtpReplyConfig config) {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(config.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(config.timeout().toMillis()));
        this.session = Session.getInstance(props);
        this.retry = config.retryPolicy();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retry;
    }

    @Override
    public Accepted send(Reply reply) {
        OutgoingEmail email = OutgoingEmail.of(reply);
        try {
            Transport.send(MimeReplies.toMime(session, email));
            return Accepted.as(email.messageId());
        } catch (SendFailedException e) {
            // Refused recipients (5xx) will be refused again; anything else may pass next time.
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new ReplyFailedException("SMTP refused: " + e.getMessage(), !refused, null, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw ReplyFailedException.retryable("SMTP failed: " + e.getMessage(), e);
        }
    }
}
