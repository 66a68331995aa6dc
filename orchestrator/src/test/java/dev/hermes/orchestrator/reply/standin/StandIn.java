package dev.hermes.orchestrator.reply.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP server on 127.0.0.1 standing in for a provider we cannot run: it speaks the
 * provider's wire format (subclasses), records every request it received, and can be told to fail
 * the next N requests with a given answer, or to hold requests until released.
 */
public abstract class StandIn implements AutoCloseable {
    /** What a request carried. Header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, long receivedAtMillis) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** An answer: status, content type, body, extra headers. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> failures = new ArrayDeque<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    protected StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    /** The next {@code times} requests get {@code answer} instead of the provider's success. */
    public synchronized void failNext(int times, Answer answer) {
        for (int i = 0; i < times; i++) {
            failures.add(answer);
        }
    }

    public synchronized void reset() {
        failures.clear();
        received.clear();
        release();
    }

    /** Requests wait (after being recorded) until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** The provider's answer to a request that is not made to fail; null means a 404. */
    protected abstract Answer answer(Request request);

    private void exchange(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> headers = new java.util.HashMap<>();
            x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Request r = new Request(x.getRequestMethod(), x.getRequestURI().getRawPath(), Map.copyOf(headers),
                    x.getRequestBody().readAllBytes(), System.currentTimeMillis());
            received.add(r);
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Answer a;
            synchronized (this) {
                a = failures.poll();
            }
            if (a == null) {
                a = answer(r);
            }
            if (a == null) {
                a = Answer.json(404, "{\"message\":\"no such resource\"}");
            }
            a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", a.contentType());
            x.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = x.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
