package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins cost one hash per few minutes, and an address that keeps failing waits longer and longer. */
class LoginsTest {

    private static final String HOME = "192.0.2.10";
    private static final String OTHER = "198.51.100.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final Credentials admin = Credentials.admin("admin", PasswordHash.of("s3cret!".toCharArray(), 1000, new SecureRandom()));
    private final Credentials viewer = Credentials.viewer("viewer", PasswordHash.of("look-only".toCharArray(), 1000, new SecureRandom()));
    private final CountingHashes counting = new CountingHashes();
    private final Logins logins = counting.logins();

    @AfterEach
    void stop() {
        counting.stop();
    }

    @Test
    void aVerifiedLoginIsRecognisedWithoutHashingUntilItsTimeIsUp() {
        assertEquals(admin, valid(logins.attempt(HOME, "admin", "s3cret!".toCharArray())));
        for (int i = 0; i < 100; i++) {
            assertEquals(admin, valid(logins.attempt(OTHER, "admin", "s3cret!".toCharArray())));
        }
        assertEquals(1, counting.hashed.get(), "one hash for 101 requests");
        assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "admin", "s3cret?".toCharArray()), "another password is checked");
        assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "viewer", "s3cret!".toCharArray()), "and another user");
        assertEquals(3, counting.hashed.get());

        clock.advance(VerifiedLogins.TTL);
        assertEquals(admin, valid(logins.attempt(HOME, "admin", "s3cret!".toCharArray())));
        assertEquals(4, counting.hashed.get(), "hashed again once its time is up");
    }

    @Test
    void anAddressWaitsOneTwoFourSecondsAfterItsFifthFailureInARowAndOtherAddressesDoNot() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "admin", "guess".toCharArray()));
        }
        assertEquals(Duration.ofSeconds(1), throttled(logins.attempt(HOME, "admin", "s3cret!".toCharArray())),
                "not even the right password is checked while it waits");
        assertEquals(admin, valid(logins.attempt(OTHER, "admin", "s3cret!".toCharArray())), "another address is not held up");

        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "admin", "guess".toCharArray()));
        assertEquals(Duration.ofSeconds(2), throttled(logins.attempt(HOME, "admin", "guess".toCharArray())));
        clock.advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(500), throttled(logins.attempt(HOME, "admin", "guess".toCharArray())));
        clock.advance(Duration.ofMillis(500));
        assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "admin", "guess".toCharArray()));
        assertEquals(Duration.ofSeconds(4), throttled(logins.attempt(HOME, "admin", "guess".toCharArray())));

        clock.advance(Duration.ofSeconds(4));
        assertEquals(admin, valid(logins.attempt(HOME, "admin", "s3cret!".toCharArray())));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertInstanceOf(Logins.Invalid.class, logins.attempt(HOME, "viewer", "guess".toCharArray()), "a success starts the count again");
        }
    }

    @Test
    void theWaitDoublesUpToFiveMinutesAndFailuresAreForgottenAfterAQuarterOfAnHour() {
        assertEquals(Duration.ZERO, LoginThrottle.wait(4));
        assertEquals(Duration.ofSeconds(1), LoginThrottle.wait(5));
        assertEquals(Duration.ofSeconds(256), LoginThrottle.wait(13));
        assertEquals(Duration.ofMinutes(5), LoginThrottle.wait(14));
        assertEquals(Duration.ofMinutes(5), LoginThrottle.wait(1_000));

        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 9; i++) {
            throttle.failed(HOME);
        }
        assertEquals(Optional.of(Duration.ofSeconds(16)), throttle.waitFor(HOME));
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(Optional.empty(), throttle.waitFor(HOME));
        assertEquals(1, throttle.failed(HOME), "counted afresh");
    }

    @Test
    void whenTheHashingPoolIsFullAnAttemptIsRefusedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService busy = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        busy.submit(() -> {
            release.await();
            return null;
        });
        Logins full = new Logins(List.of(admin, viewer), new LoginThrottle(clock), new VerifiedLogins(clock, new SecureRandom()), busy);

        assertEquals(Logins.BUSY_RETRY, throttled(full.attempt(HOME, "admin", "s3cret!".toCharArray())));
        release.countDown();
        busy.shutdown();
        assertTrue(busy.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static Credentials valid(Logins.Attempt attempt) {
        return assertInstanceOf(Logins.Valid.class, attempt).login();
    }

    private static Duration throttled(Logins.Attempt attempt) {
        return assertInstanceOf(Logins.Throttled.class, attempt).retryAfter();
    }

    /** Logins whose hashing pool counts the hashes it runs. */
    private final class CountingHashes {
        private final AtomicInteger hashed = new AtomicInteger();
        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4)) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                hashed.incrementAndGet();
            }
        };

        Logins logins() {
            return new Logins(List.of(admin, viewer), new LoginThrottle(clock), new VerifiedLogins(clock, new SecureRandom()), pool);
        }

        void stop() {
            pool.shutdownNow();
        }
    }
}
