package dev.hermes.infra.observability;

/** The suffixes micrometer's CloudWatch registry appends to a meter name, one per exported datum. */
public enum ExportedStatistic {
    COUNT("count"),
    SUM("sum"),
    AVG("avg"),
    MAX("max"),
    VALUE("value"),
    ACTIVE_TASKS("activeTasks"),
    DURATION("duration");

    private final String suffix;

    ExportedStatistic(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
