package dev.hermes.orchestrator.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.secret.SecretUnreadableException;
import dev.hermes.protocol.table.RoutesTable;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The credential store in local mode (a key file under the data dir): after onboarding a project with
 * secrets, a scan of every Hermes table holds none in clear; a ciphertext copied to another record
 * does not decrypt; a rotated key seals new values while old ones stay readable, and re-encrypt moves
 * every value to the current key.
 */
class CredentialStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "canary-store-git-token-7a1b2c3d";
    private static final String API_KEY = "canary-store-api-key-4e5f6a7b";
    private static final String SLACK = "xoxb-1234-5678-canarystoreslack";

    private static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = TestHermes.api(path);
        return TestHermes.send(body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aTableDumpHoldsNoSecretAndAMovedCiphertextDoesNotDecrypt() {
        HttpResponse<String> created = send("POST", "/api/projects", "{\"projectId\":\"vault\",\"repoUrl\":\"https://git.example.com/v.git\","
                + "\"agent\":{\"argv\":[\"/bin/true\"]},\"secrets\":{\"git.token\":\"" + TOKEN + "\",\"env.API_KEY\":\"" + API_KEY + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(201, send("POST", "/api/projects", "{\"projectId\":\"other-vault\",\"repoUrl\":\"https://git.example.com/o.git\","
                + "\"agent\":{\"argv\":[\"/bin/true\"]}}").statusCode());
        assertEquals(200, send("PUT", "/api/secrets/reply.slack.botToken", "{\"value\":\"" + SLACK + "\"}").statusCode());
        HttpResponse<String> token = TestHermes.send(TestHermes.api("/api/tokens").header("Content-Type", "application/json")
                .header("Idempotency-Key", "store-dump-token").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"dump\",\"role\":\"viewer\"}")));
        String apiToken = read(token.body()).get("token").asText();

        String dump = dump();
        for (String secret : new String[]{TOKEN, API_KEY, SLACK, apiToken}) {
            assertFalse(dump.contains(secret), "a table holds a secret in clear");
        }
        assertTrue(dump.contains("hs1."), "sealed values are there");

        // Copy the sealed token into the other project's record: it is bound to its own.
        String sealed = sealed("vault", "git.token");
        DynamoDbClient dynamo = bean(DynamoDbClient.class);
        dynamo.updateItem(b -> b.tableName(routes()).key(Map.of(RoutesTable.KEY, AttributeValue.fromS(RoutesTable.projectKey("other-vault"))))
                .updateExpression("SET #s = :m").expressionAttributeNames(Map.of("#s", RoutesTable.SECRETS))
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromM(Map.of("git.token",
                        dev.hermes.orchestrator.secret.SecretFields.entry(sealed, 1))))));
        SecretCipher cipher = bean(SecretCipher.class);
        assertEquals(TOKEN, cipher.open(RoutesTable.projectKey("vault"), "git.token", sealed).reveal());
        SecretUnreadableException e = assertThrows(SecretUnreadableException.class,
                () -> cipher.open(RoutesTable.projectKey("other-vault"), "git.token", sealed("other-vault", "git.token")));
        assertFalse(e.getMessage().contains(TOKEN));
        assertThrows(SecretUnreadableException.class, () -> cipher.open(RoutesTable.projectKey("vault"), "env.API_KEY", sealed));
        HttpResponse<String> report = send("POST", "/api/secrets/re-encrypt", null);
        assertTrue(read(report.body()).get("unreadable").toString().contains("project:other-vault git.token"), report.body());
        send("DELETE", "/api/projects/other-vault/secrets/git.token", null);
    }

    @Test
    void aRotatedKeySealsNewValuesAndReEncryptMovesTheOldOnes() throws IOException {
        assertEquals(201, send("POST", "/api/projects", "{\"projectId\":\"rotating\",\"repoUrl\":\"https://git.example.com/r.git\","
                + "\"agent\":{\"argv\":[\"/bin/true\"]},\"secrets\":{\"env.OLD\":\"" + API_KEY + "\"}}").statusCode());
        KeyRef before = SecretCipher.keyOf(sealed("rotating", "env.OLD"));

        HttpResponse<String> rotated = send("POST", "/api/secrets/rotate-key", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        KeyRef current = KeyRef.parse(read(rotated.body()).get("current").asText());
        assertEquals(KeyRef.FILE, current.provider());
        assertFalse(current.equals(before));
        Path keyFile = Path.of(bean(SecretsConfig.class).keyFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        assertEquals(200, send("PUT", "/api/projects/rotating/secrets/env.NEW", "{\"value\":\"" + TOKEN + "\"}").statusCode());
        assertEquals(current, SecretCipher.keyOf(sealed("rotating", "env.NEW")));
        assertEquals(before, SecretCipher.keyOf(sealed("rotating", "env.OLD")));
        SecretCipher cipher = bean(SecretCipher.class);
        assertEquals(API_KEY, cipher.open(RoutesTable.projectKey("rotating"), "env.OLD", sealed("rotating", "env.OLD")).reveal());

        HttpResponse<String> report = send("POST", "/api/secrets/re-encrypt", null);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(read(report.body()).get("rewritten").asInt() >= 1, report.body());
        assertEquals(current, SecretCipher.keyOf(sealed("rotating", "env.OLD")));
        assertEquals(API_KEY, cipher.open(RoutesTable.projectKey("rotating"), "env.OLD", sealed("rotating", "env.OLD")).reveal());
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws IOException {
        Path dir = Files.createTempDirectory("keyfile");
        Path file = dir.resolve("hermes.keys");
        FileKeyProvider.open(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FileKeyProvider.open(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    private static String sealed(String project, String name) {
        Map<String, AttributeValue> item = bean(DynamoDbClient.class).getItem(b -> b.tableName(routes())
                .key(Map.of(RoutesTable.KEY, AttributeValue.fromS(RoutesTable.projectKey(project)))).consistentRead(true)).item();
        return item.get(RoutesTable.SECRETS).m().get(name).m().get(RoutesTable.SECRET_VALUE).s();
    }

    /** Every item of every Hermes table. */
    static String dump() {
        DynamoDbClient dynamo = bean(DynamoDbClient.class);
        StringBuilder all = new StringBuilder();
        String prefix = bean(TablesConfig.class).prefix();
        for (String table : dynamo.listTablesPaginator().tableNames()) {
            if (table.startsWith(prefix)) {
                dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> all.append(item).append('\n'));
            }
        }
        assertTrue(all.length() > 0);
        return all.toString();
    }

    private static String routes() {
        return bean(TablesConfig.class).names().routes();
    }

    private static <T> T bean(Class<T> type) {
        return TestHermes.get().context().getBean(type);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
