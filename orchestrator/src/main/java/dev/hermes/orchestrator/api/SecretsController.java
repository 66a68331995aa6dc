package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.reply.StoredReplyCredentials;
import dev.hermes.orchestrator.secret.KeyRotation;
import dev.hermes.orchestrator.secret.ReEncryption;
import dev.hermes.orchestrator.secret.SystemSecret;
import dev.hermes.orchestrator.secret.SystemSecrets;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/secrets}: Hermes's own secrets (the reply providers'), set and removed by admins and
 * never returned; the key commands: rotate the local key file, and re-encrypt every stored secret
 * under the current key.
 */
@Controller("/api/secrets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SecretsController {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsController.class);
    private final SystemSecrets secrets;
    private final StoredReplyCredentials replyCredentials;
    private final KeyRotation rotation;
    private final ReEncryption reEncryption;
    private final SecretCipher cipher;

    public SecretsController(SystemSecrets secrets, StoredReplyCredentials replyCredentials, KeyRotation rotation,
                             ReEncryption reEncryption, SecretCipher cipher) {
        this.secrets = secrets;
        this.replyCredentials = replyCredentials;
        this.rotation = rotation;
        this.reEncryption = reEncryption;
        this.cipher = cipher;
    }

    /** One of Hermes's secrets as the API shows it: its name, whether it is set and since when. */
    @Serdeable
    public record SecretView(String name, boolean set, @Nullable Instant updatedAt) {
    }

    @Serdeable
    public record SecretList(List<SecretView> secrets) {
    }

    @Serdeable
    public record KeyView(String current) {
    }

    @Serdeable
    public record ReEncryptView(int rewritten, int current, List<String> unreadable, String projectKey, String systemKey) {
    }

    /** Every known secret, set or not (a fixed, short list: not paginated). */
    @Get
    @RequiresRole(Role.VIEWER)
    public SecretList list() {
        Map<String, Long> set = secrets.list();
        return new SecretList(Arrays.stream(SystemSecret.values()).map(s -> {
            Long at = set.get(s.storeName());
            return new SecretView(s.storeName(), at != null, at == null ? null : Instant.ofEpochMilli(at));
        }).toList());
    }

    @Put("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    public SecretView put(HttpRequest<?> request, String name, @Body String body) {
        SystemSecret secret = named(name);
        Secret value = ProjectRequests.secretValue(body);
        String problem = secret.problem(value.reveal());
        if (problem != null) {
            throw new InvalidFieldException("value", problem);
        }
        secrets.put(secret, value);
        replyCredentials.forget();
        LOG.info("secret {} set by {}", secret.storeName(), Principal.of(request).tokenId());
        Long at = secrets.list().get(secret.storeName());
        return new SecretView(secret.storeName(), true, at == null ? null : Instant.ofEpochMilli(at));
    }

    @Delete("/{name}")
    @RequiresRole(Role.ADMIN)
    public HttpResponse<Void> delete(HttpRequest<?> request, String name) {
        SystemSecret secret = named(name);
        if (!secrets.delete(secret)) {
            throw new dev.hermes.orchestrator.inbound.RejectedException(404, "not_found", "the secret " + name + " is not set");
        }
        replyCredentials.forget();
        LOG.info("secret {} removed by {}", secret.storeName(), Principal.of(request).tokenId());
        return HttpResponse.noContent();
    }

    @Post("/rotate-key")
    @RequiresRole(Role.ADMIN)
    public KeyView rotateKey(HttpRequest<?> request) {
        String current = rotation.rotate().toString();
        LOG.info("key rotated by {}: new values are sealed under {}", Principal.of(request).tokenId(), current);
        return new KeyView(current);
    }

    @Post("/re-encrypt")
    @RequiresRole(Role.ADMIN)
    public ReEncryptView reEncrypt(HttpRequest<?> request) {
        LOG.info("re-encrypt started by {}", Principal.of(request).tokenId());
        ReEncryption.Report report = reEncryption.run();
        return new ReEncryptView(report.rewritten(), report.current(), report.unreadable(),
                cipher.currentKey(KeyScope.PROJECT).toString(), cipher.currentKey(KeyScope.SYSTEM).toString());
    }

    private static SystemSecret named(String name) {
        return SystemSecret.named(name).orElseThrow(() -> new InvalidFieldException(404, "not_found", "name",
                "unknown secret (known: " + Arrays.stream(SystemSecret.values()).map(SystemSecret::storeName).toList() + ")"));
    }
}
