package com.papertrader.domain.market;

/**
 * A feed could not answer a request. The message names the ticker and the problem and never contains an API key.
 */
public class FeedException extends Exception {

    public enum Kind {
        /** The key is wrong or missing: no request will succeed until the configuration is fixed. */
        UNAUTHORIZED,
        /** The key is fine but the plan does not cover this data (ticker, timeframe or endpoint). */
        NOT_ENTITLED,
        /** Too many requests: wait for the next minute. */
        RATE_LIMITED,
        /** The provider refused the request as wrong (bad range, unknown parameter). */
        BAD_REQUEST,
        /** The provider failed (5xx); worth a retry. */
        SERVER_ERROR,
        /** No answer in time, or no connection; worth a retry. */
        TIMEOUT,
        /** An answer that cannot be read (not JSON, not the expected shape). */
        MALFORMED;

        /** True when the same request may succeed if retried shortly. */
        public boolean isTransient() {
            return this == SERVER_ERROR || this == TIMEOUT;
        }
    }

    private final Kind kind;

    public FeedException(Kind kind, String message) {
        this(kind, message, null);
    }

    public FeedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
