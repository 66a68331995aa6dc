package dev.hermes.orchestrator.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A test endpoint that forgot its role: present only where {@value #ENABLED} is set. */
@Controller(UndeclaredRoleController.PATH)
@Requires(property = UndeclaredRoleController.ENABLED, value = "true")
public class UndeclaredRoleController {
    static final String PATH = "/api/test/undeclared";
    static final String ENABLED = "hermes.test.undeclared-endpoint";

    @Get
    public String get() {
        return "should never be reached";
    }
}
