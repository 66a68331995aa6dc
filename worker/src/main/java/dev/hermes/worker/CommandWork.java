package dev.hermes.worker;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.worker.secret.SecretRedaction;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.worker.agent.AgentRequest;
import dev.hermes.worker.agent.AgentResult;
import dev.hermes.worker.agent.AgentRunner;
import dev.hermes.worker.agent.ProjectNotConfiguredException;
import dev.hermes.worker.agent.ProjectSettings;
import dev.hermes.worker.agent.ProjectStore;
import dev.hermes.worker.agent.StopReason;
import dev.hermes.worker.agent.StopSignal;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.result.CommandOutcome;
import dev.hermes.worker.session.BranchDivergedException;
import dev.hermes.worker.session.Checkpoint;
import dev.hermes.worker.session.CommitMessage;
import dev.hermes.worker.session.GitCommandException;
import dev.hermes.worker.session.SessionBranch;
import dev.hermes.worker.session.UnsafeWorktreeException;
import dev.hermes.worker.session.Workspace;
import dev.hermes.worker.session.Worktrees;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side effects of one attempt at a command, between RUNNING and its outcome: prepare the thread's
 * worktree, run the project's agent in it, commit whatever it changed (a {@code WIP: … [why]} commit
 * when it did not finish) and push. Which failures are retried and which are final is decided here;
 * see {@link OutcomeRules}.
 */
final class CommandWork {
    private static final Logger log = LoggerFactory.getLogger(CommandWork.class);

    private final ProjectStore projects;
    private final Workspace workspace;
    private final Worktrees worktrees;
    private final AgentRunner agent;
    private final Checkpoint checkpoint;
    private final LeaseKeeper lease;
    private final Map<String, String> agentBaseEnv;
    private final Clock clock;

    CommandWork(ProjectStore projects, Workspace workspace, Worktrees worktrees, AgentRunner agent,
                Checkpoint checkpoint, LeaseKeeper lease, Map<String, String> agentBaseEnv, Clock clock) {
        this.projects = projects;
        this.workspace = workspace;
        this.worktrees = worktrees;
        this.agent = agent;
        this.checkpoint = checkpoint;
        this.lease = lease;
        this.agentBaseEnv = Map.copyOf(agentBaseEnv);
        this.clock = clock;
    }

    /**
     * The part before the agent that touches nothing shared: the project's settings and the thread's
     * worktree (clone, fetch, recover, fast-forward). Run while the command is being marked RUNNING.
     */
    Prepared prepare(CommandMessage command) {
        String branch = command.threadId().branch();
        ProjectSettings project;
        try {
            project = projects.find(command.containerKey().project());
        } catch (ProjectNotConfiguredException e) {
            return Prepared.failed(finished(CommandStatus.FAILED, e.getMessage(), branch, null));
        } catch (KeyUnavailableException e) {
            log.warn("cannot open the project's secrets: {}", e.getMessage());
            return Prepared.failed(new WorkOutcome.Retry("could not open the project's secrets: " + e.getMessage()));
        }
        try {
            return new Prepared(project, worktrees.prepare(command.threadId(), project.repoUrl(), project.defaultBranch(),
                    project.gitCredential()), null);
        } catch (BranchDivergedException e) {
            return Prepared.failed(finished(CommandStatus.FAILED, e.getMessage(), branch, null));
        } catch (GitCommandException | UncheckedIOException e) {
            log.warn("cannot prepare the session: {}", e.getMessage());
            return Prepared.failed(new WorkOutcome.Retry("could not prepare the session: " + e.getMessage()));
        }
    }

    /** The settings and worktree a command runs with, or the outcome that ends it before the agent. */
    record Prepared(ProjectSettings project, SessionBranch session, WorkOutcome failure) {
        static Prepared failed(WorkOutcome failure) {
            return new Prepared(null, null, failure);
        }
    }

    /** @param attempt 1 for the first run of the command, counting every earlier run (retries, resumes) */
    WorkOutcome perform(CommandMessage command, Prepared prepared, StopSignal stop, long attempt) {
        if (prepared.failure() != null) {
            return prepared.failure();
        }
        String branch = command.threadId().branch();
        ProjectSettings project = prepared.project();
        SessionBranch session = prepared.session();
        AgentResult result = SecretRedaction.of(project.agentSecrets().values()).summary(agent.run(new AgentRequest(
                project.agentArgv(), environment(command, project, attempt), session.worktree(), command.instruction(),
                workspace.instruction(command.commandId()), workspace.summary(command.commandId()),
                workspace.log(command.commandId()), project.agentTimeout(), project.agentOutputCapBytes()), stop));
        if (result.ending() == AgentResult.Ending.NOT_STARTED) {
            return finished(CommandStatus.FAILED, result.summary(), branch, null);
        }
        boolean leaseLost = result.stoppedBy() == StopReason.LEASE_LOST;
        Checkpoint.Committed committed;
        try {
            committed = checkpoint.commit(session, message(command, result, attempt),
                    workspace.commitMessage(command.commandId()));
        } catch (UnsafeWorktreeException e) {
            log.warn("{}", e.getMessage());
            return leaseLost ? new WorkOutcome.Abandoned(e.getMessage())
                    : finished(CommandStatus.FAILED, e.getMessage(), branch, null);
        } catch (GitCommandException | UncheckedIOException e) {
            log.warn("cannot commit the work: {}", e.getMessage());
            return leaseLost ? new WorkOutcome.Abandoned(e.getMessage())
                    : new WorkOutcome.Retry("could not commit: " + e.getMessage());
        }
        if (leaseLost || !lease.isFresh()) {
            return abandon(session, committed);
        }
        Checkpoint.PushFailure failure = checkpoint.push(session);
        return OutcomeRules.decide(result, committed, failure, project.preemptPolicy(), stop.by(), branch,
                clock.instant());
    }

    /**
     * The lease is gone: the work is committed in this workspace; it is pushed only when nobody took the
     * lease over, so a zombie never races the new holder on the branch. Nothing else is written.
     */
    private WorkOutcome abandon(SessionBranch session, Checkpoint.Committed committed) {
        if (lease.last() != null && lease.unclaimedAfterLoss(lease.last())) {
            Checkpoint.PushFailure failure = checkpoint.push(session);
            log.info("lease lost and not taken over: work in progress {} ({})", committed.commitSha(),
                    failure == null ? "pushed" : failure.reason());
        } else {
            log.info("lease taken over: work in progress {} stays in this workspace, not pushed", committed.commitSha());
        }
        return new WorkOutcome.Abandoned("lease lost");
    }

    private static CommitMessage message(CommandMessage command, AgentResult result, long attempt) {
        String why = switch (result.ending()) {
            case SUCCEEDED, NOT_STARTED -> null;
            case FAILED -> "attempt " + attempt + " failed";
            case TIMED_OUT -> "timed out";
            case STOPPED -> "interrupted";
        };
        return why == null
                ? CommitMessage.of(command.title(), command.instruction(), command.commandId(), command.threadId())
                : CommitMessage.wip(command.title(), command.instruction(), command.commandId(), command.threadId(), why);
    }

    /** The agent's whole environment: PATH/HOME/LANG, the project's variables and secrets, then the command's. */
    private Map<String, String> environment(CommandMessage command, ProjectSettings project, long attempt) {
        ThreadId thread = command.threadId();
        Map<String, String> env = new HashMap<>(agentBaseEnv);
        env.putAll(project.agentEnv());
        project.agentSecrets().forEach((name, value) -> env.put(name, value.reveal()));
        env.put("HERMES_COMMAND_ID", command.commandId().value());
        env.put("HERMES_THREAD_ID", thread.value());
        env.put("HERMES_BRANCH", thread.branch());
        env.put("HERMES_PROJECT_ID", command.containerKey().project().value());
        env.put("HERMES_USER_ID", command.containerKey().user().value());
        env.put("HERMES_ATTEMPT", Long.toString(attempt));
        return env;
    }

    private WorkOutcome finished(CommandStatus status, String summary, String branch, String sha) {
        return new WorkOutcome.Finished(new CommandOutcome(status, summary, branch, sha, List.of(), clock.instant()));
    }
}
