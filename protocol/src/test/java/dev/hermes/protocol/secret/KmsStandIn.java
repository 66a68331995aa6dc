package dev.hermes.protocol.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS KMS on 127.0.0.1 for tests, speaking its real wire protocol (JSON 1.1: {@code POST /},
 * {@code X-Amz-Target: TrentService.GenerateDataKey} / {@code TrentService.Decrypt},
 * {@code application/x-amz-json-1.1}, base64 blobs, errors as {@code {"__type": …, "message": …}}).
 * Keys are named by id, ARN or alias; the ciphertext blob names its key and is bound to the request's
 * encryption context, as in KMS, so a wrong context is an {@code InvalidCiphertextException}.
 */
public final class KmsStandIn implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "111122223333";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    private KmsStandIn(HttpServer server) {
        this.server = server;
    }

    public static KmsStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            KmsStandIn kms = new KmsStandIn(server);
            server.createContext("/", kms::handle);
            server.start();
            return kms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Creates a key and answers its ARN; {@code alias} (e.g. {@code alias/hermes}) may name it too. */
    public String createKey(String alias) {
        String id = UUID.randomUUID().toString();
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        keys.put(id, material);
        if (alias != null) {
            aliases.put(alias, id);
        }
        return arn(id);
    }

    /** Points an alias at another key, as {@code UpdateAlias} does. */
    public void repoint(String alias, String keyArn) {
        aliases.put(alias, keyArn.substring(keyArn.lastIndexOf('/') + 1));
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** While true every call answers 503 {@code KMSInternalException}. */
    public void unavailable(boolean down) {
        this.unavailable = down;
    }

    private static String arn(String id) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String operation = target == null ? "" : target.replace("TrentService.", "");
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith("application/x-amz-json-1.1")) {
                error(exchange, 400, "SerializationException", "expected a JSON 1.1 POST");
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                error(exchange, 400, "MissingAuthenticationTokenException", "request is not signed");
                return;
            }
            if (unavailable) {
                error(exchange, 500, "KMSInternalException", "the service is unavailable");
                return;
            }
            switch (operation) {
                case "GenerateDataKey" -> generateDataKey(exchange, request);
                case "Decrypt" -> decrypt(exchange, request);
                default -> error(exchange, 400, "UnknownOperationException", "unknown operation " + operation);
            }
        }
    }

    private void generateDataKey(HttpExchange exchange, JsonNode request) throws IOException {
        String id = resolve(request.path("KeyId").asText(""));
        if (id == null) {
            error(exchange, 400, "NotFoundException", "Key '" + request.path("KeyId").asText("") + "' does not exist");
            return;
        }
        int bytes = request.has("NumberOfBytes") ? request.get("NumberOfBytes").asInt()
                : "AES_128".equals(request.path("KeySpec").asText()) ? 16 : 32;
        byte[] plaintext = new byte[bytes];
        new java.security.SecureRandom().nextBytes(plaintext);
        ObjectNode body = JSON.createObjectNode();
        body.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(id, plaintext, context(request))));
        body.put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        body.put("KeyId", arn(id));
        ok(exchange, body);
    }

    private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText(""));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "SerializationException", "CiphertextBlob is not base64");
            return;
        }
        if (blob.length < 1 + 36 + 12 + 16 || blob[0] != 1) {
            error(exchange, 400, "InvalidCiphertextException", null);
            return;
        }
        String id = new String(blob, 1, 36, StandardCharsets.US_ASCII);
        if (request.hasNonNull("KeyId") && !id.equals(resolve(request.get("KeyId").asText()))) {
            error(exchange, 400, "IncorrectKeyException",
                    "The key ID in the request does not identify a CMK that can perform this operation.");
            return;
        }
        byte[] material = keys.get(id);
        byte[] plaintext = material == null ? null : open(material, blob, context(request));
        if (plaintext == null) {
            error(exchange, 400, "InvalidCiphertextException", null);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("KeyId", arn(id));
        body.put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        body.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        ok(exchange, body);
    }

    private String resolve(String keyId) {
        String id = keyId;
        if (id.startsWith("arn:aws:kms:")) {
            id = id.substring(id.indexOf(':', "arn:aws:kms:".length() + REGION.length() + ACCOUNT.length()) + 1);
        }
        if (id.startsWith("alias/")) {
            id = aliases.get(id);
        } else if (id.startsWith("key/")) {
            id = id.substring(4);
        }
        return id != null && keys.containsKey(id) ? id : null;
    }

    private static byte[] context(JsonNode request) {
        Map<String, String> sorted = new TreeMap<>();
        request.path("EncryptionContext").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] seal(String id, byte[] plaintext, byte[] aad) {
        byte[] nonce = Aead.nonce();
        byte[] ct = Aead.encrypt(keys.get(id), nonce, plaintext, aad);
        return ByteBuffer.allocate(1 + 36 + nonce.length + ct.length).put((byte) 1)
                .put(id.getBytes(StandardCharsets.US_ASCII)).put(nonce).put(ct).array();
    }

    private byte[] open(byte[] material, byte[] blob, byte[] aad) {
        byte[] nonce = java.util.Arrays.copyOfRange(blob, 37, 49);
        byte[] ct = java.util.Arrays.copyOfRange(blob, 49, blob.length);
        return Aead.decrypt(material, nonce, ct, aad);
    }

    private void ok(HttpExchange exchange, ObjectNode body) throws IOException {
        send(exchange, 200, body);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
