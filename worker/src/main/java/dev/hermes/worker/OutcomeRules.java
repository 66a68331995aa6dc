package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.worker.agent.AgentResult;
import dev.hermes.worker.result.CommandOutcome;
import dev.hermes.worker.session.Checkpoint;
import java.time.Instant;

/**
 * How an agent run, its commit and its push become the attempt's outcome. The rules:
 * <ul>
 *   <li>exit 0 and pushed: SUCCEEDED;</li>
 *   <li>a push the remote rejected: FAILED with the remote's reason, whatever the agent did (never forced);</li>
 *   <li>any other exit, or a push that failed in transport three times: another attempt (the message is
 *       left for redelivery; after three receives it moves to the DLQ);</li>
 *   <li>past the profile's timeout: TIMED_OUT, the work committed and pushed;</li>
 *   <li>stopped for a newer command of the thread: SUPERSEDED; for another thread's: re-enqueued
 *       (policy {@code resume}) or INTERRUPTED (policy {@code interrupt}); for a shutdown: put back.</li>
 * </ul>
 */
final class OutcomeRules {
    private OutcomeRules() {
    }

    static WorkOutcome decide(AgentResult result, Checkpoint.Committed committed, Checkpoint.PushFailure push,
                              PreemptPolicy policy, CommandId by, String branch, Instant now) {
        boolean rejected = push != null && push.rejected();
        if (rejected && result.ending() != AgentResult.Ending.STOPPED) {
            return finished(CommandStatus.FAILED, push.reason(), branch, committed, now);
        }
        String unpushed = push == null ? "" : " (work in progress committed but not pushed: " + push.reason() + ")";
        return switch (result.ending()) {
            case SUCCEEDED -> push == null ? finished(CommandStatus.SUCCEEDED, result.summary(), branch, committed, now)
                    : new WorkOutcome.Retry(push.reason());
            case FAILED, NOT_STARTED -> new WorkOutcome.Retry("agent failed: " + result.summary() + unpushed);
            case TIMED_OUT -> finished(CommandStatus.TIMED_OUT, result.summary() + unpushed, branch, committed, now);
            case STOPPED -> switch (result.stoppedBy()) {
                case SUPERSEDED -> finished(CommandStatus.SUPERSEDED, "stopped for a newer message"
                        + (by == null ? "" : " (" + by + ")") + ": " + result.summary() + unpushed, branch, committed, now);
                case PREEMPTED -> policy == PreemptPolicy.RESUME ? new WorkOutcome.Resume(by)
                        : finished(CommandStatus.INTERRUPTED, "interrupted by work on another thread: "
                                + result.summary() + unpushed, branch, committed, now);
                case SHUTDOWN -> new WorkOutcome.PutBack("the worker stopped" + unpushed);
                case LEASE_LOST -> new WorkOutcome.Abandoned("lease lost");
            };
        };
    }

    private static WorkOutcome finished(CommandStatus status, String summary, String branch,
                                        Checkpoint.Committed committed, Instant now) {
        return new WorkOutcome.Finished(new CommandOutcome(status, summary, branch, committed.commitSha(),
                committed.filesChanged(), now));
    }
}
