package com.papertrader.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on this machine, for the tests: it records every POST (path, headers, body) and answers by path:
 * {@code /ok} 200; {@code /flaky} 500 to the first request, then 200; {@code /hang} holds each request without an
 * answer until {@link #close()} (or 60 s), as a receiver that hangs does.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    public record Received(String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Duration HANG = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of one of its paths. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request received at {@code path}, in order. */
    public List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** How many requests to {@code path} were answered (a hanging one is not, until released). */
    public int answered(String path) {
        return answered.computeIfAbsent(path, key -> new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            received.add(new Received(path, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        int status = switch (path) {
            case "/flaky" -> at(path).size() == 1 ? 500 : 200;
            case "/hang" -> {
                try {
                    released.await(HANG.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 200;
            }
            default -> 200;
        };
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        answered.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
