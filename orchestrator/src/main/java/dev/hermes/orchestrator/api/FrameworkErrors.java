package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.metrics.Rejections;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The errors Micronaut answers by itself (no such endpoint, wrong method, wrong content type, a query
 * parameter of the wrong type) in Hermes's one error shape. The message is made here from the status
 * and the parameter's name: the framework's own text can quote the value that failed.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class FrameworkErrors implements JsonErrorResponseBodyProvider<ErrorBody> {
    private final Rejections rejections;

    public FrameworkErrors(Rejections rejections) {
        this.rejections = rejections;
    }

    @Override
    public ErrorBody body(ErrorContext context, HttpResponse<?> response) {
        ErrorBody body = describe(context, response);
        if (response.code() >= 400 && response.code() < 500) {
            rejections.count(body.error());
        }
        return body;
    }

    private static ErrorBody describe(ErrorContext context, HttpResponse<?> response) {
        String field = context.getErrors().stream().map(Error::getPath).flatMap(java.util.Optional::stream)
                .filter(p -> !p.isBlank()).findFirst().map(FrameworkErrors::lastSegment).orElse(null);
        return switch (response.code()) {
            case 404 -> new ErrorBody("not_found", "no such endpoint: " + context.getRequest().getPath(), null);
            case 405 -> new ErrorBody("method_not_allowed", context.getRequest().getMethodName() + " is not allowed here", null);
            case 406 -> new ErrorBody("not_acceptable", "this endpoint answers application/json", null);
            case 415 -> new ErrorBody("unsupported_media_type", "this endpoint does not accept "
                    + context.getRequest().getContentType().map(Object::toString).orElse("a body without a content type"), null);
            case 400 -> new ErrorBody("bad_request", field == null ? "the request is malformed" : field + ": is not valid", field);
            default -> new ErrorBody(response.getStatus().name().toLowerCase(Locale.ROOT),
                    response.getStatus().getReason(), field);
        };
    }

    /** {@code limit} of a path like {@code list.limit}. */
    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
