package dev.hermes.orchestrator.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code /ops} endpoint that answers without a token: the login form and the page's static script
 * and style sheet, which hold no data. The exception is explicit and named (the role test lists every
 * such endpoint), so an endpoint that forgets {@link RequiresRole} still fails closed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoTokenRequired {
    /** Why no token is needed. */
    String value();
}
