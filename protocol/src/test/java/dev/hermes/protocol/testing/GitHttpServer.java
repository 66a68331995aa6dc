package dev.hermes.protocol.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A git smart-HTTP server on 127.0.0.1 for tests: git's own {@code git http-backend} (CGI) behind the
 * JDK's HTTP server, with HTTP basic authentication on every request. Repositories are the bare ones
 * under {@code root}; {@code url("sample.git")} is what a client clones. Records every request's
 * {@code Authorization} (to prove what was sent) and counts the refused ones.
 */
public final class GitHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final String expected;
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private GitHttpServer(HttpServer server, Path root, String user, String password) {
        this.server = server;
        this.root = root;
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static GitHttpServer start(Path root, String user, String password) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            GitHttpServer git = new GitHttpServer(server, root, user, password);
            server.createContext("/", git::handle);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "git-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return git;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String repository) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    /** Requests answered 401 (no or wrong credentials). */
    public int refused() {
        return refused.get();
    }

    /** The Authorization header of every request, as received (empty when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The path and query of every request. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            paths.add(exchange.getRequestURI().toString());
            if (!expected.equals(authorization)) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"hermes-test\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            cgi(exchange);
        }
    }

    private void cgi(HttpExchange exchange) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = pb.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        env.put("REMOTE_USER", "hermes");
        env.put("REMOTE_ADDR", "127.0.0.1");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            env.put("CONTENT_TYPE", type);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
            env.put("HTTP_CONTENT_ENCODING", encoding);
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            env.put("CONTENT_LENGTH", length);
        }
        env.put("GIT_HTTP_MAX_REQUEST_BUFFER", "100M");
        Process process = pb.start();
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream(); InputStream body = exchange.getRequestBody()) {
                body.transferTo(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        InputStream out = process.getInputStream();
        int status = 200;
        String line;
        while (!(line = headerLine(out)).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream response = exchange.getResponseBody()) {
            out.transferTo(response);
        }
        feed.join();
        errors.join();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
