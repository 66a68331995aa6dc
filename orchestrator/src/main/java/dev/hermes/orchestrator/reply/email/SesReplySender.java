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
import java.io.IOException;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends reply emails through SES v2 {@code SendEmail} with the raw MIME (so the threading headers
 * and both parts are exactly Hermes's). SES's MessageId becomes {@code <id@email.amazonses.com>},
 * recorded in thread-keys: answers to the reply can carry that id instead of Hermes's own.
 */
@Singleton
@Requires(property = "hermes.reply.ses.enabled", value = "true")
public class SesReplySender implements ReplySender {
    /** Account-level pauses and quotas: they lift, so the reply waits. */
    private static final Set<String> TRANSIENT = Set.of("SendingPausedException", "AccountSuspendedException",
            "LimitExceededException", "TooManyRequestsException", "InternalServiceErrorException");
    private final SesV2Client ses;
    private final SesReplyConfig config;

    public SesReplySender(SesV2Client ses, SesReplyConfig config) {
        this.ses = ses;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.retryPolicy();
    }

    @Override
    public Accepted send(Reply reply) {
        byte[] raw;
        try {
            raw = MimeReplies.toBytes(OutgoingEmail.of(reply));
        } catch (MessagingException | IOException e) {
            throw ReplyFailedException.permanent("the reply is not a valid message: " + e.getMessage());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))));
        if (config.configurationSet() != null && !config.configurationSet().isBlank()) {
            request.configurationSetName(config.configurationSet());
        }
        try {
            String id = ses.sendEmail(request.build()).messageId();
            return new Accepted(id, List.of("<" + id + "@" + config.messageIdDomain() + ">"));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            boolean retry = e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 429
                    || TRANSIENT.contains(code);
            throw new ReplyFailedException("SES refused (" + e.statusCode() + " " + code + "): "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), retry, null, e);
        } catch (SdkClientException e) {
            throw ReplyFailedException.retryable("SES unreachable: " + e.getMessage(), e);
        }
    }
}
