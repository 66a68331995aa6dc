package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.auth.NoTokenRequired;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's script and style sheet, resources of the orchestrator jar ({@code /ops/ops.js},
 * {@code /ops/ops.css}): nothing is fetched from anywhere else. Only these names are served, without
 * a token (they hold no data), so the login form has its style too.
 */
@Controller("/ops/static")
@NoTokenRequired("the page's script and style sheet hold no data; the login form needs them")
public class OpsStaticController {
    private static final Map<String, MediaType> FILES = Map.of(
            "ops.css", MediaType.of("text/css;charset=utf-8"),
            "ops.js", MediaType.of("text/javascript;charset=utf-8"));
    private final Map<String, byte[]> content;

    public OpsStaticController() {
        this.content = Map.of("ops.css", load("ops.css"), "ops.js", load("ops.js"));
    }

    @Get("/{name}")
    public HttpResponse<byte[]> file(String name) {
        MediaType type = FILES.get(name);
        if (type == null) {
            throw new RejectedException(404, "not_found", "no such file");
        }
        return HttpResponse.ok(content.get(name)).contentType(type)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache");
    }

    private static byte[] load(String name) {
        try (InputStream in = OpsStaticController.class.getResourceAsStream("/ops/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource /ops/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
