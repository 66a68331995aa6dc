package dev.hermes.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Synthesizes the Hermes CloudFormation templates; no CDK CLI needed.
 *
 * <p>Output directory, first match wins: the first argument, {@code -Doutdir=…}, {@code CDK_OUTDIR}
 * (set by the CDK CLI), else {@code infra/target/cdk.out} of the checkout containing the working
 * directory. Stack settings come from {@code -Dhermes.*} system properties or CDK context, see
 * {@link HermesStacks.Settings} and the props record of each stack.
 */
public final class HermesInfraApp {
    public static final String DATA_STACK_ID = HermesStacks.DATA;

    private HermesInfraApp() {
    }

    public static void main(String[] args) {
        Path outdir = outdir(args, System.getProperty("outdir"), System.getenv("CDK_OUTDIR"), Path.of(""));
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(hermesProperties(System.getProperties()))
                .build());
        HermesStacks.create(app, HermesStacks.Settings.fromContext(app.getNode()::tryGetContext));
        app.synth();
        System.out.println("Synthesized to " + outdir);
    }

    static Path outdir(String[] args, String property, String cdkOutdir, Path workingDir) {
        for (String explicit : new String[] {args.length > 0 ? args[0] : null, property, cdkOutdir}) {
            if (explicit != null && !explicit.isBlank()) {
                return Path.of(explicit).toAbsolutePath().normalize();
            }
        }
        Path cwd = workingDir.toAbsolutePath().normalize();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (isInfraModule(dir)) {
                return dir.resolve("target").resolve("cdk.out");
            }
            if (isInfraModule(dir.resolve("infra"))) {
                return dir.resolve("infra").resolve("target").resolve("cdk.out");
            }
        }
        return cwd.resolve("cdk.out");
    }

    private static boolean isInfraModule(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("infra")
                && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    private static Map<String, Object> hermesProperties(Properties properties) {
        Map<String, Object> context = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("hermes.")) {
                context.put(name, properties.getProperty(name));
            }
        }
        return context;
    }
}
