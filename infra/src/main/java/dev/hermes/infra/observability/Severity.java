package dev.hermes.infra.observability;

/** Where an alarm goes: one SNS topic per severity. */
public enum Severity {
    /** Users are not being served: page someone. */
    CRITICAL,
    /** Something degrades or needs a look during working hours. */
    WARNING
}
