package com.papertrader.infrastructure.notification;

import com.papertrader.application.notification.WebhookSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** {@link WebhookSender} with the JDK's HTTP client: HTTP/1.1, no redirects followed, the answer's body discarded. */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    private static final String USER_AGENT = "PaperTrader-Webhooks/1";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Answer post(URI url, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return Answer.status(client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return Answer.noAnswer("no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return Answer.noAnswer("cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return Answer.noAnswer("failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.noAnswer("interrupted: the server is stopping");
        }
    }
}
