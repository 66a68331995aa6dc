package dev.hermes.protocol.state;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a reply in the {@code outbox}. The allowed transitions live here and nowhere else. */
public enum ReplyStatus {
    /** Recorded; due to be sent (again) at its next attempt time. */
    PENDING,
    /** A provider accepted it; its message id is recorded. */
    SENT,
    /** Given up: the provider refused it for good, or every attempt failed. */
    FAILED,
    /** Not sent because it no longer made sense (a "starting…" note whose result went first). */
    SKIPPED,
    /** Kept in the outbox only: there is nowhere to send it (a chat conversation without a callback URL). */
    HELD;

    private static final Map<ReplyStatus, Set<ReplyStatus>> NEXT = Map.of(
            // PENDING -> PENDING: an attempt is claimed, or failed and is scheduled again.
            PENDING, EnumSet.of(PENDING, SENT, FAILED, SKIPPED),
            SENT, EnumSet.noneOf(ReplyStatus.class),
            FAILED, EnumSet.noneOf(ReplyStatus.class),
            SKIPPED, EnumSet.noneOf(ReplyStatus.class),
            HELD, EnumSet.noneOf(ReplyStatus.class));

    public boolean canMoveTo(ReplyStatus next) {
        return NEXT.get(this).contains(next);
    }

    public void checkMoveTo(ReplyStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
    }

    /** Every status from which {@code next} may be reached: the condition of a conditional write. */
    public static Set<ReplyStatus> predecessorsOf(ReplyStatus next) {
        Set<ReplyStatus> from = EnumSet.noneOf(ReplyStatus.class);
        for (ReplyStatus s : values()) {
            if (s.canMoveTo(next)) {
                from.add(s);
            }
        }
        return from;
    }

    public boolean isFinal() {
        return this != PENDING;
    }
}
