package dev.hermes.worker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.testing.GitHttpServer;
import dev.hermes.worker.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote behind HTTP basic auth (git http-backend on 127.0.0.1): the worker's git reaches it with
 * the credential through its process environment only; the token is in no file of the workspace, in no
 * URL and in no output.
 */
class GitCredentialTest {
    private static final ThreadId THREAD = ThreadId.fromRootKey("credential-root", 0);
    private static final String TOKEN = "canary-git-token-5d1e0f7a93";
    @TempDir
    Path dir;
    private TestRepo repo;
    private GitHttpServer server;
    private Workspace workspace;
    private Worktrees worktrees;
    private Checkpoint checkpoint;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir.resolve("remotes"));
        server = GitHttpServer.start(dir.resolve("remotes"), "x-access-token", TOKEN);
        workspace = new Workspace(dir.resolve("workspace")).create();
        Git git = new Git(new GitIdentity("Hermes", "hermes@localhost"), Duration.ofSeconds(60));
        worktrees = new Worktrees(workspace, git);
        checkpoint = new Checkpoint(git, Duration.ofMillis(10));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void theTokenReachesTheRemoteAndNothingElse() throws IOException {
        String url = server.url("origin.git");
        GitCredential credential = new GitCredential("x-access-token", Secret.of(TOKEN));
        SessionBranch session = worktrees.prepare(THREAD, url, "main", credential);
        Files.writeString(session.worktree().resolve("hello.txt"), "hello\n");
        CommitResult result = checkpoint.commitAndPush(session, CommitMessage.of("Hello", "Add hello", 
                dev.hermes.protocol.id.CommandId.of("test", "cred"), THREAD), workspace.commitMessage(
                dev.hermes.protocol.id.CommandId.of("test", "cred")));
        assertTrue(result.pushed(), "pushed through basic auth");
        assertEquals(result.commitSha(), repo.sha(THREAD.branch()));

        String basic = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertTrue(server.authorizations().contains(basic), "the remote got the credential");
        assertTrue(server.paths().stream().anyMatch(p -> p.contains("git-receive-pack")), server.paths().toString());
        assertNoFileHolds(workspace.root(), TOKEN);
        assertFalse(Files.readString(workspace.repo().resolve(".git/config")).contains("@"), "no credentials in the remote URL");
    }

    @Test
    void withoutTheCredentialTheRemoteRefusesAndGitDoesNotHang() {
        String url = server.url("origin.git");
        GitCommandException e = assertThrows(GitCommandException.class, () -> worktrees.prepare(THREAD, url, "main"));
        assertNotNull(e.getMessage());
        assertTrue(server.refused() > 0);
    }

    @Test
    void aWrongTokenFailsWithoutShowingIt() {
        String url = server.url("origin.git");
        GitCredential wrong = new GitCredential("x-access-token", Secret.of("wrong-" + TOKEN));
        GitCommandException e = assertThrows(GitCommandException.class, () -> worktrees.prepare(THREAD, url, "main", wrong));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void aHelperConfiguredInTheRepositoryIsNotAskedAndNeverSeesTheToken() throws IOException {
        String url = server.url("origin.git");
        GitCredential credential = new GitCredential("x-access-token", Secret.of(TOKEN));
        SessionBranch session = worktrees.prepare(THREAD, url, "main", credential);
        Path spy = dir.resolve("spy.txt");
        // What an agent could write into the clone's config: a helper of its own, and a pre-push hook.
        TestRepo.GIT.run(workspace.repo(), "config", "credential.helper", "!f() { cat >> " + spy + "; }; f");
        Path hooks = workspace.repo().resolve(".git/hooks");
        Files.createDirectories(hooks);
        Path hook = hooks.resolve("pre-push");
        Files.writeString(hook, "#!/bin/sh\nenv >> " + spy + "\n");
        hook.toFile().setExecutable(true);
        Files.writeString(session.worktree().resolve("more.txt"), "more\n");
        CommitResult result = checkpoint.commitAndPush(session, CommitMessage.of("More", "Add more",
                dev.hermes.protocol.id.CommandId.of("test", "spy"), THREAD),
                workspace.commitMessage(dev.hermes.protocol.id.CommandId.of("test", "spy")));
        assertTrue(result.pushed());
        assertFalse(Files.exists(spy) && Files.readString(spy).contains(TOKEN), "neither the helper nor the hook saw it");
    }

    private static void assertNoFileHolds(Path root, String secret) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(secret), file + " holds the token");
            }
        }
    }
}
