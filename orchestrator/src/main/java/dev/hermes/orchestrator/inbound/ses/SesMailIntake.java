package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.Intake;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.email.MimeParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path for SES mail, whether SNS delivered it by HTTP or through the {@code inbound-email}
 * queue: verify → confirm a subscription, or turn an SES receipt into an {@link InboundMessage}
 * (MIME inline or from S3) whose provider event id is the SES message id → {@link Intake}.
 */
@Singleton
public class SesMailIntake {
    private static final Logger LOG = LoggerFactory.getLogger(SesMailIntake.class);
    private final SnsMessageReader reader;
    private final SnsSignatureVerifier verifier;
    private final SubscriptionConfirmer confirmer;
    private final RawMailStore store;
    private final MimeParser parser;
    private final Intake intake;
    private final Pattern subscribeHost;
    private final IntakeMetrics metrics;

    public SesMailIntake(SnsMessageReader reader, SnsSignatureVerifier verifier, SubscriptionConfirmer confirmer,
                         RawMailStore store, MimeParser parser, Intake intake, SnsConfig config, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.reader = reader;
        this.verifier = verifier;
        this.confirmer = confirmer;
        this.store = store;
        this.parser = parser;
        this.intake = intake;
        this.subscribeHost = config.subscribeHost();
    }

    /**
     * Reads, verifies (signatures older than {@code maxAge} are stale) and handles one SNS delivery.
     *
     * @param headerType the {@code x-amz-sns-message-type} header (webhook), which must agree with the body; null on SQS
     */
    public IntakeOutcome handle(byte[] body, Duration maxAge, @Nullable String headerType) {
        SnsMessage m = reader.read(body);
        if (headerType != null && !headerType.equals(m.type())) {
            throw RejectedException.badRequest("bad_message_type", "the message type header and the body disagree");
        }
        metrics.verify(IntakeMetrics.Provider.SNS, () -> verifier.verify(m, maxAge));
        if (SnsMessage.SUBSCRIPTION_CONFIRMATION.equals(m.type())) {
            confirmer.confirm(pinnedSubscribeUrl(m.subscribeUrl()));
            LOG.info("confirmed the SNS subscription to {}", m.topicArn());
            return status("confirmed");
        }
        if (SnsMessage.UNSUBSCRIBE_CONFIRMATION.equals(m.type())) {
            LOG.warn("SNS reports {} unsubscribed; not re-subscribing", m.topicArn());
            return status("ignored");
        }
        return notification(m.message(), "SNS notification " + m.messageId() + " from " + m.topicArn());
    }

    /**
     * An SES notification delivered by SNS with raw message delivery: there is no SNS signature, the
     * queue's access policy is the only trust boundary (see {@code hermes.inbound.sqs.raw-delivery}).
     */
    public IntakeOutcome handleUnsigned(byte[] sesJson) {
        return notification(SnsMessageReader.strictUtf8(sesJson), "raw SQS delivery");
    }

    private IntakeOutcome notification(String message, String what) {
        JsonNode root = reader.parse(message);
        if (!SesReceipt.isReceipt(root)) {
            LOG.info("ignored {}: not an SES receipt", what);
            return status("ignored");
        }
        SesReceipt receipt = SesReceipt.parse(root);
        InboundMessage parsed = parser.parse(rawMime(receipt), receipt.recipients());
        return intake.accept(new InboundMessage(parsed.channel(), receipt.messageId(), parsed.routeKey(), parsed.hints(),
                parsed.rootKey(), parsed.ownKeys(), parsed.projectHint(), parsed.title(), parsed.instruction(),
                parsed.replyRoute(), parsed.attachments()));
    }

    private byte[] rawMime(SesReceipt r) {
        if ("S3".equals(r.actionType())) {
            if (r.bucketName() == null || r.objectKey() == null) {
                throw RejectedException.badRequest("invalid_ses_receipt", "an S3 receipt needs bucketName and objectKey");
            }
            return store.fetch(r.bucketName(), r.objectKey());
        }
        if (!"SNS".equals(r.actionType())) {
            throw RejectedException.unprocessable("unsupported_action", "SES action " + r.actionType() + " carries no message");
        }
        if (r.content() == null) {
            throw RejectedException.badRequest("invalid_ses_receipt", "the SES receipt has no content");
        }
        if ("BASE64".equals(r.encoding())) {
            try {
                return Base64.getMimeDecoder().decode(r.content());
            } catch (IllegalArgumentException e) {
                throw RejectedException.badRequest("invalid_ses_receipt", "content is not valid base64");
            }
        }
        if ("UTF8".equals(r.encoding()) || r.encoding() == null) {
            return r.content().getBytes(StandardCharsets.UTF_8);
        }
        throw RejectedException.badRequest("invalid_ses_receipt", "unknown content encoding " + r.encoding());
    }

    /** Confirmed only over https to a host that matches {@code hermes.inbound.sns.subscribe-host-pattern}. */
    URI pinnedSubscribeUrl(String raw) {
        try {
            URI url = new URI(raw);
            if ("https".equals(url.getScheme()) && url.getRawUserInfo() == null && url.getPort() == -1
                    && url.getHost() != null && subscribeHost.matcher(url.getHost()).matches()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new RejectedException(403, "untrusted_subscribe_url", "SubscribeURL is not an https URL of the SNS host pattern");
    }

    private static IntakeOutcome status(String status) {
        return new IntakeOutcome(status, null, null, null);
    }
}
