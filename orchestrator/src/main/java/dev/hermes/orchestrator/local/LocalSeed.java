package dev.hermes.orchestrator.local;

import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.table.RoutesTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Seeds the {@code routes} table from {@code examples/local.yml}: people (email addresses, phones,
 * Slack {@code TEAM:USER} ids and chat user names -> user and projects) and projects. A project without a {@code repo} gets a bare repository under the data
 * dir with an initial commit on its default branch. Agent paths are relative to the YAML file.
 */
public final class LocalSeed {
    private LocalSeed() {
    }

    /** Answers the seeded projects. */
    public static List<Project> seed(Path file, Path remotesDir, RouteStore routes) throws IOException {
        Map<String, Object> doc;
        try (Reader reader = Files.newBufferedReader(file)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Project> projects = new ArrayList<>();
        for (Map<String, Object> p : maps(doc, "projects")) {
            ProjectId id = new ProjectId(str(p, "id"));
            String branch = p.containsKey("defaultBranch") ? str(p, "defaultBranch") : "main";
            String repo = p.containsKey("repo") ? str(p, "repo") : bareRemote(remotesDir, id, branch);
            Map<String, Object> agent = map(p, "agent");
            List<String> argv = new ArrayList<>();
            for (Object part : (List<?>) agent.get("argv")) {
                argv.add(part.toString());
            }
            if (argv.get(0).contains("/") && !Path.of(argv.get(0)).isAbsolute()) {
                argv.set(0, base.resolve(argv.get(0)).normalize().toString());
            }
            @SuppressWarnings("unchecked")
            Map<String, String> env = agent.containsKey("env") ? (Map<String, String>) agent.get("env") : Map.of();
            int timeout = agent.containsKey("timeoutSeconds") ? ((Number) agent.get("timeoutSeconds")).intValue() : 1800;
            long cap = agent.containsKey("outputCapBytes") ? ((Number) agent.get("outputCapBytes")).longValue()
                    : Project.DEFAULT_OUTPUT_CAP_BYTES;
            PreemptPolicy preempt = PreemptPolicy.parse(agent.containsKey("preempt") ? str(agent, "preempt") : null);
            Project project = new Project(id, repo, branch, argv, env, timeout, cap, preempt);
            routes.putProject(project);
            projects.add(project);
        }
        for (Map<String, Object> person : maps(doc, "people")) {
            List<ProjectId> allowed = ((List<?>) person.get("projects")).stream().map(o -> new ProjectId(o.toString())).toList();
            Person routed = new Person(new UserId(str(person, "user")), allowed);
            for (Object address : list(person, "email")) {
                routes.putRoute(RoutesTable.emailKey(address.toString()), routed);
            }
            for (Object phone : list(person, "phone")) {
                routes.putRoute(RoutesTable.smsKey(phone.toString()), routed);
            }
            for (Object slack : list(person, "slack")) {
                String[] teamUser = slack.toString().split(":");
                if (teamUser.length != 2) {
                    throw new IllegalArgumentException("a slack entry is TEAM:USER, e.g. T0HERMES:U0ALICE");
                }
                routes.putRoute(RoutesTable.slackKey(teamUser[0], teamUser[1]), routed);
            }
            for (Object chat : list(person, "chat")) {
                routes.putRoute(RoutesTable.chatKey(chat.toString()), routed);
            }
        }
        return projects;
    }

    private static String bareRemote(Path remotesDir, ProjectId id, String branch) throws IOException {
        Path bare = remotesDir.resolve(id.value() + ".git");
        if (Files.isDirectory(bare.resolve("refs"))) {
            return bare.toString();
        }
        Files.createDirectories(remotesDir);
        Git.run(remotesDir, "init", "--bare", "--initial-branch=" + branch, bare.toString());
        Path scratch = Files.createTempDirectory(remotesDir, "seed-");
        Git.run(scratch, "clone", bare.toString(), "work");
        Path work = scratch.resolve("work");
        Files.writeString(work.resolve("README.md"), "# " + id + "\n\nA sample project worked on by Hermes.\n");
        Git.run(work, "checkout", "-B", branch);
        Git.run(work, "add", "README.md");
        Git.run(work, "commit", "-m", "Initial commit");
        Git.run(work, "push", "origin", branch);
        deleteTree(scratch);
        return bare.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        if (!(v instanceof List<?>)) {
            throw new IllegalArgumentException("seed file needs a list '" + key + "'");
        }
        return (List<Map<String, Object>>) v;
    }

    /** An optional list of a person's addresses on one channel. */
    private static List<?> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?>)) {
            throw new IllegalArgumentException("seed entry '" + key + "' must be a list");
        }
        return (List<?>) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("seed entry needs a map '" + key + "'");
        }
        return (Map<String, Object>) v;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("seed entry needs '" + key + "'");
        }
        return v.toString();
    }
}
