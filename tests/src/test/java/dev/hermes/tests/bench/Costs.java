package dev.hermes.tests.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the orchestrator spent during a run, from its own meters: AWS requests by operation
 * ({@code hermes.aws.requests}) and the items per batch of each group-commit stage
 * ({@code hermes.batch.size}).
 */
final class Costs {
    private Costs() {
    }

    static Map<String, Double> snapshot(MeterRegistry meters) {
        Map<String, Double> values = new TreeMap<>();
        for (Meter m : meters.getMeters()) {
            String name = m.getId().getName();
            if (name.equals("hermes.aws.requests") && m instanceof Counter c) {
                values.merge("request " + m.getId().getTag("service") + " " + m.getId().getTag("operation"), c.count(),
                        Double::sum);
            } else if (name.equals("hermes.batch.duration") && m instanceof Timer t) {
                values.put("millis " + m.getId().getTag("stage"), t.totalTime(TimeUnit.MILLISECONDS));
            } else if (name.equals("hermes.batch.size") && m instanceof DistributionSummary d) {
                values.put("batches " + m.getId().getTag("stage"), (double) d.count());
                values.put("items " + m.getId().getTag("stage"), d.totalAmount());
            }
        }
        return values;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    /** The mean items per batch of a stage, or 1 when it ran no batch. */
    static double meanBatch(Map<String, Double> costs, String stage) {
        double batches = costs.getOrDefault("batches " + stage, 0.0);
        return batches > 0 ? costs.getOrDefault("items " + stage, 0.0) / batches : 1;
    }

    /** Requests per routed message (background long-polls left out) and the mean batch of each stage. */
    static void print(Map<String, Double> costs, int messages) {
        double total = 0;
        StringBuilder ops = new StringBuilder();
        for (Map.Entry<String, Double> e : costs.entrySet()) {
            if (e.getKey().startsWith("request ") && !e.getKey().endsWith("ReceiveMessage") && e.getValue() > 0) {
                total += e.getValue();
                ops.append(String.format("%n      %-40s %6.3f", e.getKey().substring(8), e.getValue() / messages));
            }
        }
        System.out.printf("  backend requests per routed message    : %.2f%s%n", total / messages, ops);
        StringBuilder stages = new StringBuilder();
        costs.forEach((k, v) -> {
            if (k.startsWith("batches ") && v > 0) {
                String stage = k.substring(8);
                stages.append(String.format(" %s %.1f (%.1f ms),", stage, meanBatch(costs, stage),
                        costs.getOrDefault("millis " + stage, 0.0) / v));
            }
        });
        System.out.printf("  mean batch (items, time to settle)     :%s%n",
                stages.length() == 0 ? " none" : stages.substring(0, stages.length() - 1));
    }
}
