package com.papertrader.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A subscriber to the application's server-sent events (GET /api/events), as a page's EventSource would be. */
public final class LiveEvents implements AutoCloseable {

    /** One received event: its name and its JSON data. */
    public record Event(String name, JsonObject data) {
    }

    private final List<Event> received = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private LiveEvents(URL base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + "/api/events"))
                .header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(lines -> read(lines.body()));
    }

    public static LiveEvents subscribe(URL base) {
        return new LiveEvents(base);
    }

    /** Waits up to {@code timeout} for an event of this name whose data passes the test. */
    public Optional<Event> await(String name, Predicate<JsonObject> test, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            synchronized (received) {
                Optional<Event> found = received.stream().filter(e -> e.name().equals(name) && test.test(e.data())).findFirst();
                if (found.isPresent()) {
                    return found;
                }
                received.wait(200);
            }
        }
        return Optional.empty();
    }

    /** Waits up to {@code timeout} until {@code count} events of this name have arrived. */
    public boolean awaitCount(String name, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (received.stream().filter(e -> e.name().equals(name)).count() < count && Instant.now().isBefore(deadline)) {
                received.wait(200);
            }
            return received.stream().filter(e -> e.name().equals(name)).count() >= count;
        }
    }

    /** What arrived so far, for failure messages. */
    @Override
    public String toString() {
        synchronized (received) {
            return received.toString();
        }
    }

    private void read(Stream<String> lines) {
        String[] name = {"message"};
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                try (var reader = Json.createReader(new StringReader(line.substring(5).trim()))) {
                    Event event = new Event(name[0], reader.readObject());
                    synchronized (received) {
                        received.add(event);
                        received.notifyAll();
                    }
                }
            } else if (line.isEmpty()) {
                name[0] = "message";
            }
        });
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
