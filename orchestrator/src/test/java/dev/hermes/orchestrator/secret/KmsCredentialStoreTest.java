package dev.hermes.orchestrator.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.secret.CachingKeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KmsStandIn;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.secret.SecretUnreadableException;
import dev.hermes.protocol.table.RoutesTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The credential store on KMS, as on AWS: the real SDK {@code KmsClient} made by Hermes's factory
 * ({@code aws.services.kms.endpoint-override}) against a stand-in speaking KMS's JSON 1.1 protocol.
 * Envelope encryption with a cached data key, the scope as encryption context, a new key by
 * configuration (an alias pointed elsewhere) leaving old values readable, and re-encryption.
 */
class KmsCredentialStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "canary-kms-token-6b0e93d1";
    private static final String ALIAS = "alias/hermes-secrets";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KmsStandIn kms;
    private static LocalHermes hermes;
    private static String firstKey;

    @BeforeAll
    static void start() throws Exception {
        kms = KmsStandIn.start();
        firstKey = kms.createKey(ALIAS);
        Path root = Files.createTempDirectory("hermes-kms-test");
        Path seed = Path.of(KmsCredentialStoreTest.class.getResource("/test-seed.yml").toURI());
        hermes = LocalHermes.start(LocalOptions.forTests(root, seed, root.resolve("no-worker.jar"), 5), Map.of(
                "hermes.secrets.provider", "kms",
                "hermes.secrets.kms-key-id", ALIAS,
                "aws.services.kms.endpoint-override", kms.endpoint()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
        kms.close();
    }

    @Test
    void projectSecretsAreSealedWithKmsDataKeysAndReEncryptedUnderANewKey() throws Exception {
        int generated = kms.calls("GenerateDataKey");
        assertEquals(201, send("POST", "/api/projects", "{\"projectId\":\"kmsone\",\"repoUrl\":\"https://git.example.com/k.git\","
                + "\"agent\":{\"argv\":[\"/bin/true\"]},\"secrets\":{\"git.token\":\"" + CANARY + "\"}}").statusCode());
        assertEquals(200, send("PUT", "/api/projects/kmsone/secrets/env.API_KEY", "{\"value\":\"" + CANARY + "-2\"}").statusCode());
        assertEquals(generated + 1, kms.calls("GenerateDataKey"), "one data key for both values (cached)");

        String sealed = sealed("kmsone", "git.token");
        assertFalse(dump().contains(CANARY), "no secret in clear in the routes table");
        assertEquals(new KeyRef(KeyRef.KMS, firstKey), SecretCipher.keyOf(sealed), "the value names the key ARN KMS answered with");
        SecretCipher cipher = hermes.context().getBean(SecretCipher.class);
        assertEquals(CANARY, cipher.open(RoutesTable.projectKey("kmsone"), "git.token", sealed).reveal());
        assertThrows(SecretUnreadableException.class,
                () -> cipher.open(RoutesTable.projectKey("kmstwo"), "git.token", sealed), "bound to its record");

        // A new key by configuration: the alias now names another key (and the cached data key has expired).
        String secondKey = kms.createKey(null);
        kms.repoint(ALIAS, secondKey);
        hermes.context().getBean(CachingKeyProvider.class).forget();
        assertEquals(200, send("PUT", "/api/projects/kmsone/secrets/env.OTHER", "{\"value\":\"" + CANARY + "-3\"}").statusCode());
        assertEquals(new KeyRef(KeyRef.KMS, secondKey), SecretCipher.keyOf(sealed("kmsone", "env.OTHER")));
        assertEquals(CANARY, cipher.open(RoutesTable.projectKey("kmsone"), "git.token", sealed("kmsone", "git.token")).reveal(),
                "an older value stays readable");

        HttpResponse<String> report = send("POST", "/api/secrets/re-encrypt", null);
        assertEquals(200, report.statusCode(), report.body());
        JsonNode body = JSON.readTree(report.body());
        assertTrue(body.get("rewritten").asInt() >= 2, report.body());
        assertEquals("kms:" + secondKey, body.get("projectKey").asText());
        for (String name : new String[]{"git.token", "env.API_KEY", "env.OTHER"}) {
            String now = sealed("kmsone", name);
            assertEquals(new KeyRef(KeyRef.KMS, secondKey), SecretCipher.keyOf(now), name);
        }
        assertNotEquals(sealed, sealed("kmsone", "git.token"));
        assertEquals(CANARY, cipher.open(RoutesTable.projectKey("kmsone"), "git.token", sealed("kmsone", "git.token")).reveal());
        assertEquals(0, JSON.readTree(send("POST", "/api/secrets/re-encrypt", null).body()).get("rewritten").asInt(),
                "a second run has nothing to do");
        assertFalse(dump().contains(CANARY));
    }

    @Test
    void kmsRotatesByConfigurationAndAnUnreachableKmsIsA503() {
        HttpResponse<String> rotate = send("POST", "/api/secrets/rotate-key", null);
        assertEquals(409, rotate.statusCode(), rotate.body());
        assertTrue(rotate.body().contains("rotation_by_configuration"));

        hermes.context().getBean(CachingKeyProvider.class).forget();
        kms.unavailable(true);
        try {
            HttpResponse<String> down = send("PUT", "/api/secrets/reply.slack.botToken", "{\"value\":\"xoxb-1234-5678-" + CANARY + "\"}");
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("key_service_unavailable", readTree(down.body()).get("error").asText());
            assertTrue(down.headers().firstValue("Retry-After").isPresent());
        } finally {
            kms.unavailable(false);
        }
        assertEquals(200, send("PUT", "/api/secrets/reply.slack.botToken", "{\"value\":\"xoxb-1234-5678-" + CANARY + "\"}").statusCode());
        assertFalse(dump().contains(CANARY));
    }

    private static String sealed(String project, String name) {
        DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
        String table = hermes.context().getBean(TablesConfig.class).names().routes();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(RoutesTable.KEY, AttributeValue.fromS(RoutesTable.projectKey(project)))).consistentRead(true)).item();
        return item.get(RoutesTable.SECRETS).m().get(name).m().get(RoutesTable.SECRET_VALUE).s();
    }

    private static String dump() {
        DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
        StringBuilder all = new StringBuilder();
        for (String table : hermes.context().getBean(TablesConfig.class).names().all()) {
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> all.append(item).append('\n'));
        }
        return all.toString();
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hermes.url() + path))
                    .header("Authorization", "Bearer " + hermes.property("apiToken"));
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
