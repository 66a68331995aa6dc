package dev.hermes.worker.testing;

import dev.hermes.protocol.naming.TableNames;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the in-process worker scenarios share: ElasticMQ and DynamoDB Local for the test class with
 * its own tables, and for each test a fresh bare remote, workspace folder, scenario and worker runner
 * (stopped after the test).
 */
public abstract class WorkerScenarioTest {
    protected static Emulators emulators;
    protected static TableNames tables;

    @TempDir
    protected Path dir;
    protected TestRepo repo;
    protected Path workspace;
    protected Scenario scenario;
    protected WorkerRunner workers;

    @BeforeAll
    static void startEmulators(TestInfo info) {
        emulators = Emulators.start();
        String prefix = info.getTestClass().orElseThrow().getSimpleName().toLowerCase(Locale.ROOT) + "-";
        tables = HermesTables.create(emulators.dynamoDb(), prefix);
    }

    @AfterAll
    static void stopEmulators() {
        emulators.close();
    }

    @BeforeEach
    void newScenario() {
        repo = TestRepo.create(dir.resolve("remote"));
        workspace = dir.resolve("workspace");
        scenario = Scenario.create(emulators, tables);
        workers = new WorkerRunner(emulators);
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.close();
    }
}
