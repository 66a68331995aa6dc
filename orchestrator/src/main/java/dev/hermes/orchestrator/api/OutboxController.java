package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.reply.OutboxEntry;
import dev.hermes.orchestrator.reply.OutboxPage;
import dev.hermes.orchestrator.reply.OutboxStore;
import dev.hermes.protocol.state.ReplyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/outbox}: every reply and how far it got (viewer; cursor pagination like
 * {@code /api/routes}; {@code ?status=} keeps one status). In local mode this is where SMS, Slack
 * and chat replies are read when no provider is configured.
 */
@Controller("/api/outbox")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OutboxController {
    private final OutboxStore outbox;

    public OutboxController(OutboxStore outbox) {
        this.outbox = outbox;
    }

    @Serdeable
    public record ReplyView(String replyId, String kind, @Nullable String commandId, String threadId, String channel,
                            String destination, String subject, String text, String status, long attempts,
                            @Nullable Instant nextAttemptAt, @Nullable String providerMessageId,
                            @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
        static ReplyView of(OutboxEntry e) {
            return new ReplyView(e.replyId(), e.reply().kind().name(), e.reply().commandId(), e.reply().threadId().value(),
                    e.reply().channel().name(), e.reply().destination(), e.reply().subject(), e.reply().text(),
                    e.status().name(), e.attempts(), e.status() == ReplyStatus.PENDING ? time(e.nextAttemptAt()) : null,
                    e.providerMessageId(), e.lastError(), Instant.ofEpochMilli(e.createdAt()), time(e.sentAt()));
        }

        private static Instant time(long millis) {
            return millis <= 0 ? null : Instant.ofEpochMilli(millis);
        }
    }

    @Serdeable
    public record ReplyList(List<ReplyView> replies, @Nullable String nextCursor) {
    }

    @Get
    @RequiresRole(Role.VIEWER)
    public ReplyList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit,
                          @QueryValue @Nullable String status) {
        OutboxPage page = outbox.list(cursor, PageLimit.of(limit), status == null ? null : status(status));
        return new ReplyList(page.entries().stream().map(ReplyView::of).toList(), page.nextCursor());
    }

    private static ReplyStatus status(String value) {
        try {
            return ReplyStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(400, "invalid_status", "status", "must be one of " + List.of(ReplyStatus.values()));
        }
    }
}
