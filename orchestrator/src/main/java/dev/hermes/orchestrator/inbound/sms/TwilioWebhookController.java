package dev.hermes.orchestrator.inbound.sms;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.ContentTypes;
import dev.hermes.orchestrator.inbound.Intake;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.id.ThreadId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /webhooks/sms/twilio}: Twilio's incoming-message webhook. Answers an empty TwiML
 * response (Hermes replies later, through the outbox), also to a redelivery of a known MessageSid.
 */
@Controller("/webhooks/sms/twilio")
@Requires(property = "hermes.inbound.twilio.auth-token")
public class TwilioWebhookController {
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private final TwilioSignature signature;
    private final Intake intake;
    private final ThreadStore threads;
    private final IntakeMetrics metrics;

    public TwilioWebhookController(TwilioSignature signature, Intake intake, ThreadStore threads, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.signature = signature;
        this.intake = intake;
        this.threads = threads;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> receive(@Header(SIGNATURE_HEADER) @Nullable String presented,
                                       @Header("Content-Type") @Nullable String contentType,
                                       @Body byte[] body) {
        ContentTypes.require(contentType, MediaType.APPLICATION_FORM_URLENCODED);
        FormBody form = FormBody.parse(body);
        metrics.verify(IntakeMetrics.Provider.TWILIO, () -> signature.verify(form, presented));
        InboundMessage message = SmsMessages.from(form);
        IntakeOutcome outcome = intake.accept(message);
        if (!outcome.isDuplicate() && ThreadSignal.NEW.name().equals(outcome.signal())) {
            // The pair follows its newest thread: later texts without a mention continue it.
            String to = message.replyRoute().attributes().get("from");
            threads.pointKey(SmsMessages.pairKey(message.replyRoute().address(), to), new ThreadId(outcome.threadId()));
        }
        return HttpResponse.ok(EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
    }
}
