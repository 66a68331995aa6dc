package dev.hermes.worker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.worker.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    private static final ThreadId THREAD = ThreadId.fromRootKey("thread-root", 0);
    private static final CommandId COMMAND = CommandId.of("test", "1");

    @TempDir
    Path dir;
    private TestRepo repo;
    private Workspace workspace;
    private Worktrees worktrees;
    private Checkpoint checkpoint;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir.resolve("remote"));
        workspace = new Workspace(dir.resolve("workspace")).create();
        Git git = new Git(new GitIdentity("Hermes", "hermes@localhost"), Duration.ofSeconds(60));
        worktrees = new Worktrees(workspace, git);
        checkpoint = new Checkpoint(git, Duration.ofMillis(10));
    }

    @Test
    void aNewThreadStartsFromTheDefaultBranchAndPushesItsBranch() throws IOException {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        assertEquals(workspace.session(THREAD), session.worktree());
        assertEquals(repo.sha("main"), session.baseSha());
        assertEquals("# sample project\n", Files.readString(session.worktree().resolve("README.md")));

        Files.writeString(session.worktree().resolve("a.txt"), "a\n");
        CommitResult result = commit(session, "Add a");
        assertEquals(List.of("a.txt"), result.filesChanged());
        assertTrue(result.pushed());
        assertEquals(result.commitSha(), repo.sha(THREAD.branch()));
    }

    @Test
    void nothingChangedMeansNoCommitAndNoPush() {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        CommitResult result = commit(session, "Nothing");
        assertNull(result.commitSha());
        assertEquals(List.of(), result.filesChanged());
        assertTrue(result.pushed());
        assertNull(repo.sha(THREAD.branch()));
    }

    @Test
    void aNewWorktreeStartsFromTheRemoteThreadBranch() {
        String remote = repo.pushFromElsewhere(THREAD.branch(), "b.txt", "b\n");
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        assertEquals(remote, session.baseSha());
        assertTrue(Files.exists(session.worktree().resolve("b.txt")));
    }

    @Test
    void anExistingWorktreeIsFastForwardedWhenTheRemoteBranchMoved() throws IOException {
        SessionBranch first = worktrees.prepare(THREAD, repo.url(), "main");
        Files.writeString(first.worktree().resolve("a.txt"), "a\n");
        commit(first, "Add a");
        String elsewhere = repo.pushFromElsewhere(THREAD.branch(), "c.txt", "c\n");

        SessionBranch second = worktrees.prepare(THREAD, repo.url(), "main");
        assertEquals(first.worktree(), second.worktree());
        assertEquals(elsewhere, second.baseSha());
        assertTrue(Files.exists(second.worktree().resolve("c.txt")));
    }

    @Test
    void aRejectedPushIsReportedWithItsReason() throws IOException {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        repo.pushFromElsewhere(THREAD.branch(), "c.txt", "c\n");   // the remote moved after our fetch
        Files.writeString(session.worktree().resolve("a.txt"), "a\n");

        CommitResult result = commit(session, "Add a");
        assertTrue(result.pushFailure().rejected(), result.pushFailure().reason());
        assertTrue(result.pushFailure().reason().startsWith("push rejected:"), result.pushFailure().reason());
        assertEquals(List.of("a.txt"), result.filesChanged());
    }

    @Test
    void anUnreachableRepositoryFailsWithAGitError() {
        GitCommandException e = assertThrows(GitCommandException.class,
                () -> worktrees.prepare(THREAD, dir.resolve("no-such-repo").toString(), "main"));
        assertTrue(e.getMessage().startsWith("git clone failed"), e.getMessage());
    }

    @Test
    void theCommitMessageHasTitleExcerptAndTrailers() {
        String long72 = "x".repeat(100);
        CommitMessage message = CommitMessage.of(long72 + "\nsecond line", "# Heading\n" + "y".repeat(2000), COMMAND, THREAD);
        String[] lines = message.text().split("\n");
        assertEquals(72, lines[0].length());
        assertEquals("", lines[1]);
        assertEquals("# Heading", lines[2]);
        assertTrue(message.text().endsWith("\n\nHermes-Command: " + COMMAND + "\nHermes-Thread: " + THREAD + "\n"));
        assertTrue(message.text().length() < 72 + 1000 + 200);
    }

    @Test
    void conflictMarkersAreNeverCommitted() throws IOException {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        Files.writeString(session.worktree().resolve("merged.txt"), "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> other\n");
        Files.writeString(session.worktree().resolve("fine.md"), "Title\n=======\n");
        UnsafeWorktreeException e = assertThrows(UnsafeWorktreeException.class, () -> commit(session, "Merge"));
        assertTrue(e.getMessage().contains("conflict markers in merged.txt"), e.getMessage());
        assertEquals(session.baseSha(), TestRepo.GIT.run(session.worktree(), "rev-parse", "HEAD").value());
        assertEquals(List.of(), TestRepo.GIT.run(session.worktree(), "diff", "--cached", "--name-only").lines(),
                "nothing left staged");
        assertNull(repo.sha(THREAD.branch()), "nothing pushed");
    }

    @Test
    void aStaleIndexLockIsRemovedWhenNoProcessHoldsIt() throws IOException {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        Path lock = GitLocks.gitDir(session.worktree()).resolve("index.lock");
        Files.writeString(lock, "");   // a git killed mid-command leaves this
        Files.writeString(session.worktree().resolve("a.txt"), "a\n");

        SessionBranch again = worktrees.prepare(THREAD, repo.url(), "main");
        assertFalse(Files.exists(lock));
        assertTrue(commit(again, "Add a").pushed());
    }

    @Test
    void aLockIsKeptWhileALiveProcessWorksInTheTree() throws Exception {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        Path lock = GitLocks.gitDir(session.worktree()).resolve("index.lock");
        Files.writeString(lock, "");
        Process holder = new ProcessBuilder("sleep", "60").directory(session.worktree().toFile()).start();
        try {
            Worktrees impatient = new Worktrees(workspace, TestRepo.GIT, Duration.ofMillis(500));
            GitCommandException e = assertThrows(GitCommandException.class,
                    () -> impatient.prepare(THREAD, repo.url(), "main"));
            assertTrue(e.getMessage().contains("held by live process"), e.getMessage());
            assertTrue(Files.exists(lock));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aBranchThatDivergedFromTheRemoteIsNeitherMergedNorForced() throws IOException {
        SessionBranch session = worktrees.prepare(THREAD, repo.url(), "main");
        Files.writeString(session.worktree().resolve("local.txt"), "only here\n");
        checkpoint.commit(session, CommitMessage.of("Local", "x", COMMAND, THREAD), workspace.commitMessage(COMMAND));
        repo.pushFromElsewhere(THREAD.branch(), "remote.txt", "only there\n");

        BranchDivergedException e = assertThrows(BranchDivergedException.class,
                () -> worktrees.prepare(THREAD, repo.url(), "main"));
        assertTrue(e.getMessage().contains(THREAD.branch()), e.getMessage());
        assertFalse(Files.exists(session.worktree().resolve("remote.txt")));
    }

    @Test
    void aWipCommitSaysWhyAndKeepsItsTagWithin72Characters() {
        String subject = CommitMessage.wip("y".repeat(100), "z", COMMAND, THREAD, "interrupted").text().lines()
                .findFirst().orElseThrow();
        assertEquals(72, subject.length());
        assertTrue(subject.startsWith("WIP: yyy"), subject);
        assertTrue(subject.endsWith("… [interrupted]"), subject);
    }

    @Test
    void credentialsInUrlsAreRedacted() {
        assertEquals("fatal: https://***@example.com/repo.git not found",
                Git.redact("fatal: https://user:token@example.com/repo.git not found"));
    }

    private CommitResult commit(SessionBranch session, String title) {
        return checkpoint.commitAndPush(session, CommitMessage.of(title, "instruction", COMMAND, THREAD),
                workspace.commitMessage(COMMAND));
    }
}
