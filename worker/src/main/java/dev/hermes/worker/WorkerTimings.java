package dev.hermes.worker;

import java.time.Duration;

/**
 * The worker's clocks, all configurable so that tests can run them fast. Production defaults:
 * visibility 60 s (extended every 20 s while a command runs), retry back-off 10 s, stop grace 5 s,
 * worktree retention one day.
 *
 * @param visibilityTimeout how long a received command stays hidden; extended every third of it while it runs
 * @param retryBackoff how long a command whose attempt failed stays hidden before its next attempt
 * @param stopGrace time between SIGINT and SIGKILL when an agent is stopped
 * @param worktreeRetention a thread's worktree unused for longer is removed when the worker goes idle
 */
public record WorkerTimings(Duration visibilityTimeout, Duration retryBackoff, Duration stopGrace,
                            Duration worktreeRetention) {
    public static final WorkerTimings DEFAULTS = new WorkerTimings(Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofDays(1));

    public WorkerTimings {
        if (visibilityTimeout == null || visibilityTimeout.toSeconds() < 2) {
            throw new InvalidConfigurationException("the visibility timeout must be at least 2 s");
        }
        if (visibilityTimeout.toSeconds() > 43_200) {
            throw new InvalidConfigurationException("the visibility timeout must be at most 12 h (SQS limit)");
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.toSeconds() > 43_200) {
            throw new InvalidConfigurationException("the retry back-off must be 0 s to 12 h");
        }
        if (stopGrace == null || stopGrace.isNegative() || stopGrace.isZero()) {
            throw new InvalidConfigurationException("the stop grace must be positive");
        }
        if (worktreeRetention == null || worktreeRetention.isNegative()) {
            throw new InvalidConfigurationException("the worktree retention must not be negative");
        }
    }

    /** Every third of the visibility timeout, so that two extensions may fail before the message shows again. */
    public Duration visibilityExtendEvery() {
        return visibilityTimeout.dividedBy(3);
    }
}
