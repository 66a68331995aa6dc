package dev.hermes.orchestrator.idempotency;

import dev.hermes.orchestrator.api.ApiAuthFilter;
import dev.hermes.orchestrator.api.ErrorBody;
import dev.hermes.orchestrator.api.InvalidFieldException;
import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.storage.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on every {@code POST /api/…}: the first request with a key claims it and its
 * response (any status below 500) is stored; the same key with the same method, path and body gets
 * that stored response again ({@code Idempotent-Replayed: true}); with anything else, 422
 * {@code idempotency_key_reused}; while the first still runs, 409 {@code idempotency_in_progress}.
 * Keys are per token. A 5xx releases the claim, so a retry runs the request again.
 */
@ServerFilter(value = "/api/**", methods = HttpMethod.POST)
public class IdempotencyFilter implements Ordered {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String CLAIM = "hermes.idempotency.claim";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private final IdempotencyStore store;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    private record Claim(String key, String requestHash) {
    }

    @Override
    public int getOrder() {
        return ApiAuthFilter.ORDER + 10;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> begin(HttpRequest<?> request, @Nullable @Body String body) {
        String key = request.getHeaders().get(HEADER);
        Optional<Principal> principal = request.getAttribute(Principal.ATTRIBUTE, Principal.class);
        if (key == null || principal.isEmpty()) {
            return null;
        }
        try {
            if (!KEY.matcher(key).matches()) {
                throw new InvalidFieldException(HEADER, "must be 1 to 255 visible ASCII characters");
            }
            String stored = principal.get().tokenId() + "|" + key;
            String hash = Sha256.hex(request.getMethodName() + " " + request.getUri() + "\n" + (body == null ? "" : body));
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<StoredResponse> existing = store.find(stored);
                if (existing.isPresent()) {
                    return answer(existing.get(), hash);
                }
                if (store.claim(stored, hash)) {
                    request.setAttribute(CLAIM, new Claim(stored, hash));
                    return null;
                }
            }
            return answer(store.find(stored).orElseThrow(() -> inProgress()), hash);
        } catch (RejectedException e) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(e.status()))
                    .body(new ErrorBody(e.code(), e.getMessage(), e instanceof InvalidFieldException f ? f.field() : null));
        }
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Claim> claim = request.getAttribute(CLAIM, Claim.class);
        if (claim.isEmpty()) {
            return;
        }
        try {
            if (response.code() >= 500) {
                store.release(claim.get().key(), claim.get().requestHash());
            } else {
                store.complete(claim.get().key(), claim.get().requestHash(), response.code(), bytes(response.getBody().orElse(null)));
            }
        } catch (RuntimeException e) {
            // The response still goes out; the claim expires and a retry runs the request again.
            LOG.warn("could not store the response of an idempotent request: {}", e.toString());
            store.release(claim.get().key(), claim.get().requestHash());
        }
    }

    private MutableHttpResponse<?> answer(StoredResponse existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw new RejectedException(422, "idempotency_key_reused",
                    "this Idempotency-Key was used with another request; use a new key");
        }
        if (!existing.done()) {
            throw inProgress();
        }
        MutableHttpResponse<byte[]> replay = HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(existing.status()))
                .header(REPLAYED, "true");
        return existing.body().length == 0 ? replay : replay.contentType(MediaType.APPLICATION_JSON_TYPE).body(existing.body());
    }

    private static RejectedException inProgress() {
        return new RejectedException(409, "idempotency_in_progress",
                "a request with this Idempotency-Key is still running; retry shortly");
    }

    private byte[] bytes(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the response of an idempotent request", e);
        }
    }
}
