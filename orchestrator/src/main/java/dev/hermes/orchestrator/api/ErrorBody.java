package dev.hermes.orchestrator.api;

import io.micronaut.serde.annotation.Serdeable;

/** The one error shape of every endpoint: a code and a one-line message. */
@Serdeable
public record ErrorBody(String error, String message) {
}
