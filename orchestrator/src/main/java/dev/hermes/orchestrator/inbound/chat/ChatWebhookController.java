package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.inbound.ContentTypes;
import dev.hermes.orchestrator.inbound.Intake;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import io.micronaut.context.annotation.Requires;
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

/**
 * {@code POST /webhooks/chat}: any chat system that signs per Standard Webhooks. {@code webhook-id}
 * is the event id, so a redelivery is a 200 duplicate.
 */
@Controller("/webhooks/chat")
@Requires(property = "hermes.inbound.chat.secret")
public class ChatWebhookController {
    private final StandardWebhookSignature signature;
    private final Intake intake;
    private final IntakeMetrics metrics;

    public ChatWebhookController(StandardWebhookSignature signature, Intake intake, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.signature = signature;
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<IntakeOutcome> receive(@Header("webhook-id") @Nullable String id,
                                               @Header("webhook-timestamp") @Nullable String timestamp,
                                               @Header("webhook-signature") @Nullable String signatures,
                                               @Header("Content-Type") @Nullable String contentType,
                                               @Body byte[] body) {
        ContentTypes.require(contentType, MediaType.APPLICATION_JSON);
        metrics.verify(IntakeMetrics.Provider.CHAT, () -> signature.verify(id, timestamp, signatures, body));
        IntakeOutcome outcome = intake.accept(ChatMessages.from(id, JsonBody.parse(body)));
        return HttpResponse.status(outcome.isDuplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
    }
}
