package dev.hermes.orchestrator.container;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hermes.launcher.process}: how {@link ProcessContainerLauncher} starts a worker. The worker
 * gets the same endpoints, region and prefixes as the orchestrator, and these timings: how long a
 * received command stays hidden (extended while it runs), the pause before a failed attempt is retried,
 * the grace between SIGINT and SIGKILL when an agent is stopped. {@code jvmOptions} go before
 * {@code -jar} (the defaults favour start-up time: the worker is short-lived and mostly waits);
 * {@code classDataSharing} keeps an AppCDS archive of the worker's classes ({@link ClassDataArchive}).
 */
@ConfigurationProperties("hermes.launcher.process")
public record ProcessLauncherConfig(@Bindable(defaultValue = "java") String javaCommand,
                                   @Nullable String workerJar,
                                   @Nullable String workspaceRoot,
                                   @Bindable(defaultValue = "300") int idleTimeoutSeconds,
                                   @Bindable(defaultValue = "20") int leaseSeconds,
                                   @Bindable(defaultValue = "60") int visibilityTimeoutSeconds,
                                   @Bindable(defaultValue = "10") int retryBackoffSeconds,
                                   @Bindable(defaultValue = "5000") int stopGraceMillis,
                                   @Nullable List<String> jvmOptions,
                                   @Bindable(defaultValue = "true") boolean classDataSharing) {
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public ProcessLauncherConfig {
        jvmOptions = jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.copyOf(jvmOptions);
    }

    /** The worker's argv: {@code java [jvmOptions] [extra] -jar workerJar}. */
    List<String> command(List<String> extra, String jar) {
        List<String> argv = new ArrayList<>();
        argv.add(javaCommand);
        argv.addAll(jvmOptions);
        argv.addAll(extra);
        argv.add("-jar");
        argv.add(jar);
        return argv;
    }
}
