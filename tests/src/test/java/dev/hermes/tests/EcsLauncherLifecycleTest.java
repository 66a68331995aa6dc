package dev.hermes.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.tests.ecs.EcsTask;
import org.junit.jupiter.api.Test;

/** The lifecycle scenarios with workers as ECS tasks, run by the ECS stand-in through the real SDK client. */
class EcsLauncherLifecycleTest extends ContainerLifecycleScenarios {
    @Override
    LifecycleHarness.Launcher launcher() {
        return LifecycleHarness.Launcher.ECS;
    }

    @Test
    void everyWorkerWasATaskTaggedWithItsContainer() {
        h.addUser("gus", "sample");
        h.awaitDone(h.send("gus", "sample", "Tag me.").get("commandId").asText());
        EcsTask task = h.ecs.tasks().stream().filter(t -> "sample--gus".equals(t.tags().get("ContainerKey")))
                .findFirst().orElseThrow();
        assertTrue(task.tags().get("ManagedBy").equals("hermes") && task.tags().get("User").equals("gus"), task.tags().toString());
        assertTrue(h.ecs.tasksStarted() >= 1);
    }
}
