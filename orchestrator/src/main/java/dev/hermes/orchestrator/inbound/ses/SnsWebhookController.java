package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.api.ErrorBody;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/email/sns}: SNS HTTP(S) deliveries (SNS sends {@code text/plain; charset=UTF-8}).
 * 2xx only once the command is durable; 4xx for anything bad (nothing written); 503 when AWS could not
 * be reached (SNS retries).
 */
@Controller("/webhooks/email/sns")
public class SnsWebhookController {
    public static final String TYPE_HEADER = "x-amz-sns-message-type";
    private static final Logger LOG = LoggerFactory.getLogger(SnsWebhookController.class);
    private final SesMailIntake ses;
    private final SnsConfig config;

    public SnsWebhookController(SesMailIntake ses, SnsConfig config) {
        this.ses = ses;
        this.config = config;
    }

    @Post(consumes = {MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> receive(@Header(TYPE_HEADER) @Nullable String type, @Body byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            throw new RejectedException(413, "body_too_large", "the SNS message exceeds " + config.maxBodyBytes() + " bytes");
        }
        if (type == null || !(type.equals(SnsMessage.NOTIFICATION) || type.equals(SnsMessage.SUBSCRIPTION_CONFIRMATION)
                || type.equals(SnsMessage.UNSUBSCRIBE_CONFIRMATION))) {
            throw RejectedException.badRequest("bad_message_type", "missing or unknown " + TYPE_HEADER + " header");
        }
        IntakeOutcome outcome;
        try {
            outcome = ses.handle(body, config.maxAge(), type);
        } catch (UpstreamUnavailableException | IllegalStateException e) {
            LOG.warn("SNS delivery not handled, SNS will retry: {}", e.getMessage());
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ErrorBody("unavailable", "a dependency is unavailable; retry later"));
        }
        return HttpResponse.status("accepted".equals(outcome.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome);
    }
}
