package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.config.WebhookConfig;
import dev.hermes.orchestrator.inbound.Intake;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** {@code POST /webhooks/email/mime}: a raw RFC 5322 message from a relay, authenticated by a shared secret. */
@Controller("/webhooks/email/mime")
public class MimeWebhookController {
    public static final String SECRET_HEADER = "X-Hermes-Secret";
    private final byte[] secret;
    private final MimeParser parser;
    private final Intake intake;
    private final IntakeMetrics metrics;

    public MimeWebhookController(WebhookConfig config, MimeParser parser, Intake intake, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.secret = config.mimeSecret().getBytes(StandardCharsets.UTF_8);
        this.parser = parser;
        this.intake = intake;
    }

    @Post(consumes = {"message/rfc822", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<IntakeOutcome> receive(@Header(SECRET_HEADER) @Nullable String presented,
                                               @QueryValue @Nullable String recipient,
                                               @Body byte[] body) {
        metrics.verify(IntakeMetrics.Provider.MIME, () -> {
            if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
                throw new RejectedException(401, "bad_secret", "missing or wrong " + SECRET_HEADER + " header");
            }
        });
        IntakeOutcome outcome = intake.accept(parser.parse(body, recipient == null ? List.of() : List.of(recipient)));
        return HttpResponse.status(outcome.isDuplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
    }
}
