package dev.hermes.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.secret.CachingKeyProvider;
import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.KmsStandIn;
import dev.hermes.protocol.secret.MasterKeys;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.table.RoutesTable;
import dev.hermes.worker.secret.KeyFileReader;
import dev.hermes.worker.secret.KmsDecrypter;
import dev.hermes.worker.secret.WorkerKeys;
import dev.hermes.worker.testing.Emulators;
import dev.hermes.worker.testing.HermesTables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * The worker opens its project's secrets itself, from the project item: with the key file whose path
 * it was given, or through KMS (the real SDK client against a stand-in speaking KMS's JSON protocol).
 */
class ProjectSecretsTest {
    private static final String TOKEN = "canary-worker-token-91c2aa";
    private static final String API_KEY = "canary-agent-key-44f0de";
    private static Emulators emulators;
    private static TableNames tables;
    private static KmsStandIn kms;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        tables = HermesTables.create(emulators.dynamoDb(), "ps-");
        kms = KmsStandIn.start();
    }

    @AfterAll
    static void stop() {
        kms.close();
        emulators.close();
    }

    @Test
    void secretsSealedWithTheKeyFileAreOpenedByItsPath() throws Exception {
        MasterKeys keys = MasterKeys.generate();
        Path keyFile = Files.writeString(dir.resolve("hermes.keys"), keys.format());
        SecretCipher sealer = new SecretCipher(keys);
        put("alpha", "https://git.example.com/alpha.git", sealer, null);
        ProjectSettings settings = store(new KeyFileReader(keyFile), null).find(new ProjectId("alpha"));
        assertEquals("x-access-token", settings.gitCredential().username());
        assertEquals(TOKEN, settings.gitCredential().token().reveal());
        assertEquals(Map.of("ANTHROPIC_API_KEY", API_KEY), Map.of("ANTHROPIC_API_KEY",
                settings.agentSecrets().get("ANTHROPIC_API_KEY").reveal()));
        assertFalse(settings.toString().contains(TOKEN) || settings.toString().contains(API_KEY), settings.toString());
    }

    @Test
    void aTokenIsNotUsedForARemoteThatIsNotHttps() throws Exception {
        MasterKeys keys = MasterKeys.generate();
        Path keyFile = Files.writeString(dir.resolve("plain.keys"), keys.format());
        put("plain", "git@git.example.com:plain.git", new SecretCipher(keys), null);
        ProjectSettings settings = store(new KeyFileReader(keyFile), null).find(new ProjectId("plain"));
        assertNull(settings.gitCredential(), "an ssh remote never gets the token");
        assertEquals(API_KEY, settings.agentSecrets().get("ANTHROPIC_API_KEY").reveal());
    }

    @Test
    void aCiphertextMovedFromAnotherProjectMakesTheProjectUnusable() throws Exception {
        MasterKeys keys = MasterKeys.generate();
        Path keyFile = Files.writeString(dir.resolve("moved.keys"), keys.format());
        SecretCipher sealer = new SecretCipher(keys);
        String stolen = sealer.seal(RoutesTable.projectKey("victim"), "git.token", Secret.of(TOKEN));
        put("thief", "https://git.example.com/thief.git", sealer, stolen);
        ProjectNotConfiguredException e = assertThrows(ProjectNotConfiguredException.class,
                () -> store(new KeyFileReader(keyFile), null).find(new ProjectId("thief")));
        assertTrue(e.getMessage().contains("does not decrypt"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void aDeletedProjectIsNotConfigured() throws Exception {
        MasterKeys keys = MasterKeys.generate();
        Path keyFile = Files.writeString(dir.resolve("deleted.keys"), keys.format());
        put("gone", "https://git.example.com/gone.git", new SecretCipher(keys), null);
        emulators.dynamoDb().updateItem(b -> b.tableName(tables.routes())
                .key(Map.of(RoutesTable.KEY, AttributeValue.fromS(RoutesTable.projectKey("gone"))))
                .updateExpression("SET #d = :now").expressionAttributeNames(Map.of("#d", RoutesTable.DELETED_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN("1"))));
        ProjectNotConfiguredException e = assertThrows(ProjectNotConfiguredException.class,
                () -> store(new KeyFileReader(keyFile), null).find(new ProjectId("gone")));
        assertTrue(e.getMessage().contains("deleted"), e.getMessage());
    }

    @Test
    void secretsSealedWithKmsAreOpenedThroughDecryptWithTheProjectScope() {
        String keyArn = kms.createKey("alias/hermes-test");
        try (KmsClient client = kmsClient()) {
            SecretCipher sealer = new SecretCipher(generator(client, "alias/hermes-test"));
            put("kmsproj", "https://git.example.com/kms.git", sealer, null);
            KmsDecrypter decrypter = new KmsDecrypter(ProjectSecretsTest::kmsClient);
            ProjectSettings settings = store(null, decrypter).find(new ProjectId("kmsproj"));
            assertEquals(TOKEN, settings.gitCredential().token().reveal());
            assertTrue(kms.calls("Decrypt") >= 1);
            decrypter.close();

            // A system secret (another scope) cannot be opened by the worker: its context does not match.
            String system = sealer.seal(RoutesTable.GLOBAL_SECRETS_KEY, "reply.slack.botToken", Secret.of(TOKEN));
            KmsDecrypter worker = new KmsDecrypter(ProjectSecretsTest::kmsClient);
            assertThrows(dev.hermes.protocol.secret.SecretUnreadableException.class,
                    () -> new SecretCipher(new WorkerKeys(null, worker)).open(RoutesTable.projectKey("kmsproj"),
                            "reply.slack.botToken", system));
            worker.close();
            assertTrue(keyArn.startsWith("arn:aws:kms:"));
        }
    }

    @Test
    void aFileSealedSecretWithoutAKeyFileIsNotConfigured() {
        SecretCipher sealer = new SecretCipher(MasterKeys.generate());
        put("nokey", "https://git.example.com/nokey.git", sealer, null);
        assertThrows(ProjectNotConfiguredException.class, () -> store(null, new KmsDecrypter(() -> {
            throw new AssertionError("no KMS client is made for a file key");
        })).find(new ProjectId("nokey")));
    }

    private static DynamoDbProjectStore store(KeyProvider file, KeyProvider kmsProvider) {
        return new DynamoDbProjectStore(emulators.dynamoDb(), tables.routes(),
                new SecretCipher(new CachingKeyProvider(new WorkerKeys(file, kmsProvider), Duration.ofMinutes(5), 1)));
    }

    private static void put(String project, String repoUrl, SecretCipher sealer, String tokenOverride) {
        String record = RoutesTable.projectKey(project);
        Map<String, AttributeValue> secrets = new HashMap<>();
        secrets.put("git.token", entry(tokenOverride != null ? tokenOverride : sealer.seal(record, "git.token", Secret.of(TOKEN))));
        secrets.put("env.ANTHROPIC_API_KEY", entry(sealer.seal(record, "env.ANTHROPIC_API_KEY", Secret.of(API_KEY))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RoutesTable.KEY, AttributeValue.fromS(record));
        item.put(RoutesTable.REPO_URL, AttributeValue.fromS(repoUrl));
        item.put(RoutesTable.DEFAULT_BRANCH, AttributeValue.fromS("main"));
        item.put(RoutesTable.AGENT_ARGV, AttributeValue.fromL(List.of(AttributeValue.fromS("true"))));
        item.put(RoutesTable.SECRETS, AttributeValue.fromM(secrets));
        emulators.dynamoDb().putItem(b -> b.tableName(tables.routes()).item(item));
    }

    private static AttributeValue entry(String sealed) {
        return AttributeValue.fromM(Map.of(RoutesTable.SECRET_VALUE, AttributeValue.fromS(sealed),
                RoutesTable.SECRET_UPDATED_AT, AttributeValue.fromN("1")));
    }

    /** What the orchestrator's KMS provider does, for sealing test values. */
    private static KeyProvider generator(KmsClient client, String keyId) {
        return new KeyProvider() {
            @Override
            public DataKey newDataKey(KeyScope scope) {
                var r = client.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                        .encryptionContext(Map.of(KeyScope.CONTEXT_KEY, scope.contextValue())));
                return new DataKey(new KeyRef(KeyRef.KMS, r.keyId()), r.ciphertextBlob().asByteArray(), r.plaintext().asByteArray());
            }

            @Override
            public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static KmsClient kmsClient() {
        return KmsClient.builder().endpointOverride(URI.create(kms.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
