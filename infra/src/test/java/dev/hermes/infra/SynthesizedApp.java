package dev.hermes.infra;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized app per settings, shared by every test class in the JVM (a synth costs seconds),
 * with each stack's template computed once.
 */
public final class SynthesizedApp {
    private static final Map<HermesStacks.Settings, SynthesizedApp> APPS = new HashMap<>();
    private final HermesStacks stacks;
    private final Map<String, Template> templates = new HashMap<>();

    private SynthesizedApp(HermesStacks.Settings settings) {
        this.stacks = HermesStacks.create(new App(), settings);
    }

    public static synchronized SynthesizedApp of(HermesStacks.Settings settings) {
        return APPS.computeIfAbsent(settings, SynthesizedApp::new);
    }

    public static SynthesizedApp defaults() {
        return of(HermesStacks.Settings.defaults());
    }

    public HermesStacks stacks() {
        return stacks;
    }

    public synchronized Template template(Stack stack) {
        return templates.computeIfAbsent(stack.getStackName(), name -> Template.fromStack(stack));
    }
}
