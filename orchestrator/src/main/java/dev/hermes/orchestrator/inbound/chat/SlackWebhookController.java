package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.config.SlackConfig;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.ContentTypes;
import dev.hermes.orchestrator.inbound.Intake;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import dev.hermes.orchestrator.inbound.RejectedException;
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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /webhooks/chat/slack}: the Slack Events API. {@code url_verification} echoes the
 * challenge; {@code event_callback} messages go to the intake. Slack retries an event it thinks
 * failed (with {@code X-Slack-Retry-Num}); the intake recognises the event id and answers 200.
 */
@Controller("/webhooks/chat/slack")
@Requires(property = "hermes.inbound.slack.signing-secret")
public class SlackWebhookController {
    private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private final SlackSignature signature;
    private final String botUserId;
    private final Intake intake;
    private final IntakeMetrics metrics;

    public SlackWebhookController(SlackSignature signature, SlackConfig config, Intake intake, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.signature = signature;
        this.botUserId = config.botUserId();
        this.intake = intake;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Object> receive(@Header("X-Slack-Request-Timestamp") @Nullable String timestamp,
                                        @Header("X-Slack-Signature") @Nullable String presented,
                                        @Header("Content-Type") @Nullable String contentType,
                                        @Body byte[] body) {
        ContentTypes.require(contentType, MediaType.APPLICATION_JSON);
        metrics.verify(IntakeMetrics.Provider.SLACK, () -> signature.verify(timestamp, presented, body));
        JsonBody payload = JsonBody.parse(body);
        String type = payload.text("type")
                .orElseThrow(() -> RejectedException.badRequest("missing_field", "the body has no 'type'"));
        if ("url_verification".equals(type)) {
            return HttpResponse.ok(Map.of("challenge", payload.required("challenge", CHALLENGE)));
        }
        Optional<InboundMessage> message = "event_callback".equals(type)
                ? SlackEvents.from(payload, botUserId) : Optional.empty();
        if (message.isEmpty()) {
            return HttpResponse.ok(Map.of("status", "ignored"));
        }
        IntakeOutcome outcome = intake.accept(message.get());
        // Slack wants a 200 for every event it should not retry, new or known.
        return HttpResponse.ok(outcome);
    }
}
