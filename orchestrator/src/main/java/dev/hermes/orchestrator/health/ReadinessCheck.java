package dev.hermes.orchestrator.health;

/** One backend the orchestrator cannot serve without. A check is a real request, kept cheap. */
public interface ReadinessCheck {
    /** A short, stable name: it appears in the readiness answer. */
    String name();

    /** Returns normally when the backend answered; throws with the reason otherwise. */
    void check();
}
