package dev.hermes.orchestrator.ops;

import dev.hermes.protocol.naming.MetricNames;
import java.util.List;

/**
 * The running totals the charts are drawn from, read at {@code at}: messages accepted by the
 * intake, commands finished (and the seconds they ran), interrupts sent by kind, commands
 * dead-lettered, each read from its {@link MetricNames} meter (recorded where its event happens; the
 * charts only read the registry). The charts plot the difference between two readings.
 */
record ChartTotals(long at, double intake, double finished, double runSeconds, double supersede, double preempt,
                   double deadLettered) {
    static final String INTAKE = MetricNames.INTAKE_ACCEPTED;
    static final String DURATION = MetricNames.COMMAND_DURATION;
    static final String INTERRUPTS = MetricNames.INTERRUPTS_SENT;
    static final String DEAD_LETTERED = MetricNames.COMMANDS_DEAD_LETTERED;

    static ChartTotals of(List<MeterReadings.MeterReading> readings, long at) {
        double intake = 0;
        double finished = 0;
        double seconds = 0;
        double supersede = 0;
        double preempt = 0;
        double dead = 0;
        for (MeterReadings.MeterReading r : readings) {
            switch (r.name()) {
                case INTAKE -> intake += r.count();
                case DURATION -> {
                    finished += r.count();
                    seconds += r.sum();
                }
                case INTERRUPTS -> {
                    if ("preempt".equals(r.tags().get(MetricNames.TAG_KIND))) {
                        preempt += r.count();
                    } else {
                        supersede += r.count();
                    }
                }
                case DEAD_LETTERED -> dead += r.count();
                default -> {
                }
            }
        }
        return new ChartTotals(at, intake, finished, seconds, supersede, preempt, dead);
    }

    /** What happened between {@code earlier} and this reading (never negative). */
    OpsCharts.Point since(ChartTotals earlier) {
        long done = delta(finished, earlier.finished);
        double ran = Math.max(0, runSeconds - earlier.runSeconds);
        return new OpsCharts.Point(at, delta(intake, earlier.intake), done, done == 0 ? 0 : ran / done,
                delta(supersede, earlier.supersede), delta(preempt, earlier.preempt),
                delta(deadLettered, earlier.deadLettered));
    }

    private static long delta(double now, double before) {
        return Math.max(0, Math.round(now - before));
    }
}
