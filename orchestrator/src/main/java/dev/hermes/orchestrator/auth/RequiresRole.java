package dev.hermes.orchestrator.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a bearer token needs for an {@code /api} or {@code /ops} endpoint. Every such endpoint
 * must declare one: the authentication filter refuses a route without it (403), and a test walks
 * every route of the router to prove none is missing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
