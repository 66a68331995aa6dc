package dev.hermes.tests;

/** The lifecycle scenarios with workers as local child processes. */
class ProcessLauncherLifecycleTest extends ContainerLifecycleScenarios {
    @Override
    LifecycleHarness.Launcher launcher() {
        return LifecycleHarness.Launcher.PROCESS;
    }
}
