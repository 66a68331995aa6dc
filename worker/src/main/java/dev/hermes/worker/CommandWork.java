package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.worker.agent.AgentRequest;
import dev.hermes.worker.agent.AgentResult;
import dev.hermes.worker.agent.AgentRunner;
import dev.hermes.worker.agent.ProjectNotConfiguredException;
import dev.hermes.worker.agent.ProjectSettings;
import dev.hermes.worker.agent.ProjectStore;
import dev.hermes.worker.agent.StopSignal;
import dev.hermes.worker.result.CommandOutcome;
import dev.hermes.worker.session.Checkpoint;
import dev.hermes.worker.session.CommitMessage;
import dev.hermes.worker.session.CommitResult;
import dev.hermes.worker.session.GitCommandException;
import dev.hermes.worker.session.SessionBranch;
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
 * The side effects of one command, between RUNNING and its result: prepare the thread's worktree,
 * run the project's agent in it, commit and push whatever it changed. Failures of the session or the
 * agent become a FAILED outcome with the reason; only a stop from outside escapes as an exception.
 */
final class CommandWork {
    private static final Logger log = LoggerFactory.getLogger(CommandWork.class);

    private final ProjectStore projects;
    private final Workspace workspace;
    private final Worktrees worktrees;
    private final AgentRunner agent;
    private final Checkpoint checkpoint;
    private final Map<String, String> agentBaseEnv;
    private final Clock clock;

    CommandWork(ProjectStore projects, Workspace workspace, Worktrees worktrees, AgentRunner agent,
                Checkpoint checkpoint, Map<String, String> agentBaseEnv, Clock clock) {
        this.projects = projects;
        this.workspace = workspace;
        this.worktrees = worktrees;
        this.agent = agent;
        this.checkpoint = checkpoint;
        this.agentBaseEnv = Map.copyOf(agentBaseEnv);
        this.clock = clock;
    }

    /** @throws CommandStoppedException when {@code stop} was signalled */
    CommandOutcome perform(CommandMessage command, StopSignal stop) {
        CommandId id = command.commandId();
        String branch = command.threadId().branch();
        ProjectSettings project;
        SessionBranch session;
        try {
            project = projects.find(command.containerKey().project());
            session = worktrees.prepare(command.threadId(), project.repoUrl(), project.defaultBranch());
        } catch (ProjectNotConfiguredException | GitCommandException | UncheckedIOException e) {
            log.warn("cannot prepare the session: {}", e.getMessage());
            return failed(branch, "could not prepare the session: " + e.getMessage());
        }
        AgentResult result = agent.run(new AgentRequest(project.agentArgv(), environment(command, project), session.worktree(),
                command.instruction(), workspace.instruction(id), workspace.log(id), project.agentTimeout()), stop);
        if (result.stopped() || stop.isStopped()) {
            throw new CommandStoppedException(id, stop.reason());
        }
        CommitResult commit;
        try {
            commit = checkpoint.commitAndPush(session,
                    CommitMessage.of(command.title(), command.instruction(), id, command.threadId()),
                    workspace.commitMessage(id));
        } catch (GitCommandException | UncheckedIOException e) {
            log.warn("cannot commit the work: {}", e.getMessage());
            return failed(branch, "could not commit: " + e.getMessage());
        }
        CommandStatus status = commit.pushed() ? result.status() : CommandStatus.FAILED;
        String summary = commit.pushed() ? result.summary() : commit.pushFailure();
        return new CommandOutcome(status, summary, branch, commit.commitSha(), commit.filesChanged(), clock.instant());
    }

    /** The agent's whole environment: PATH/HOME/LANG, the project's variables, then the command's. */
    private Map<String, String> environment(CommandMessage command, ProjectSettings project) {
        ThreadId thread = command.threadId();
        Map<String, String> env = new HashMap<>(agentBaseEnv);
        env.putAll(project.agentEnv());
        env.put("HERMES_COMMAND_ID", command.commandId().value());
        env.put("HERMES_THREAD_ID", thread.value());
        env.put("HERMES_BRANCH", thread.branch());
        env.put("HERMES_PROJECT_ID", command.containerKey().project().value());
        env.put("HERMES_USER_ID", command.containerKey().user().value());
        return env;
    }

    private CommandOutcome failed(String branch, String summary) {
        return new CommandOutcome(CommandStatus.FAILED, summary, branch, null, List.of(), clock.instant());
    }
}
