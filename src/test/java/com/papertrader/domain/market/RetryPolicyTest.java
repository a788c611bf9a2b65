package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.market.FeedException.Kind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.standard();

    @Test
    void serverErrorsAreRetriedThreeTimesWithDoublingBackoff() {
        FeedException failure = new FeedException(Kind.SERVER_ERROR, "Polygon server error (502) while fetching AAPL");
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.backoffAfter(1, failure));
        assertEquals(Optional.of(Duration.ofSeconds(2)), policy.backoffAfter(2, failure));
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy.backoffAfter(3, failure));
        assertEquals(Optional.empty(), policy.backoffAfter(4, failure));
    }

    @Test
    void backoffIsCapped() {
        RetryPolicy patient = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));
        FeedException timeout = new FeedException(Kind.TIMEOUT, "timed out");
        assertEquals(Optional.of(Duration.ofSeconds(4)), patient.backoffAfter(3, timeout));
        assertEquals(Optional.of(Duration.ofSeconds(5)), patient.backoffAfter(4, timeout));
        assertEquals(Optional.of(Duration.ofSeconds(5)), patient.backoffAfter(10, timeout));
        assertEquals(Optional.empty(), patient.backoffAfter(11, timeout));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"UNAUTHORIZED", "NOT_ENTITLED", "RATE_LIMITED", "BAD_REQUEST", "MALFORMED"})
    void otherFailuresAreNotRetried(Kind kind) {
        assertEquals(Optional.empty(), policy.backoffAfter(1, new FeedException(kind, "no")));
    }
}
