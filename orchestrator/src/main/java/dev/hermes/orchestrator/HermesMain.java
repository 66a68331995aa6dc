package dev.hermes.orchestrator;

import dev.hermes.orchestrator.cli.HermesCli;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: local mode with embedded backends. {@code serve}: the orchestrator against the
 * configured AWS endpoints. {@code send …}: the command-line client.
 */
public final class HermesMain {
    private HermesMain() {
    }

    public static void main(String[] args) throws Exception {
        String verb = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (verb) {
            case "up" -> up(rest);
            case "serve" -> Micronaut.run(HermesMain.class, rest);
            case "send", "thread", "command", "token", "secrets", "demo" -> System.exit(HermesCli.run(args));
            default -> {
                System.err.println("usage: hermes up [options] | serve | send email|… | thread <id> | command <id> | token … | secrets … | demo");
                System.exit(2);
            }
        }
    }

    private static void up(String[] args) throws Exception {
        LocalHermes hermes;
        try {
            hermes = LocalHermes.start(LocalOptions.parse(args));
        } catch (Exception e) {
            System.err.println("hermes up failed: " + e.getMessage());
            System.err.println("(another Hermes may hold a port: stop it, or choose --port, --smtp-port, --imap-port)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                hermes.close();
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            } finally {
                stopped.countDown();
            }
        }, "hermes-shutdown"));
        System.out.println(hermes.describe());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
