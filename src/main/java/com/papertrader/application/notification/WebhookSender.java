package com.papertrader.application.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The port that POSTs a delivery to its receiver (over HTTP, never following a redirect). */
public interface WebhookSender {

    /**
     * @return the receiver's HTTP status, or what kept it from answering
     */
    Answer post(URI url, Map<String, String> headers, String body, Duration timeout);

    /**
     * How an attempt ended.
     *
     * @param status  the HTTP status, or 0 when there was no answer
     * @param problem why there was no answer (timed out, connection refused, ...), or null
     */
    record Answer(int status, String problem) {

        public static Answer status(int status) {
            return new Answer(status, null);
        }

        public static Answer noAnswer(String problem) {
            return new Answer(0, problem);
        }

        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** Worth another attempt: no answer, a 5xx, 408 or 429. Any other 4xx (or a redirect) will not change by itself. */
        public boolean retryable() {
            return status == 0 || status >= 500 || status == 408 || status == 429;
        }

        /** For the delivery log: {@code HTTP 500}, or the problem. */
        public String describe() {
            return status == 0 ? problem : status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
        }
    }
}
