package com.papertrader.application.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Every login attempt, by the form or by HTTP Basic, goes through here. Credentials verified within the last few
 * minutes are recognised without hashing ({@link VerifiedLogins}); any other attempt waits while its client address is
 * throttled ({@link LoginThrottle}), and is then hashed on {@code hashing}, a small bounded pool: when it is full the
 * attempt is refused at once, so a flood of logins can take at most that pool's threads away from pages and trading,
 * never the threads that serve them. Failures are logged with the user name and address, never the password.
 */
public final class Logins {

    /** How long a caller is told to wait when the hashing pool is full. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(Logins.class.getName());
    private static final int MAX_LOGGED_NAME = 64;

    private final List<Credentials> logins;
    private final LoginThrottle throttle;
    private final VerifiedLogins verified;
    private final ExecutorService hashing;

    public Logins(List<Credentials> logins, LoginThrottle throttle, VerifiedLogins verified, ExecutorService hashing) {
        this.logins = List.copyOf(logins);
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.verified = Objects.requireNonNull(verified, "verified");
        this.hashing = Objects.requireNonNull(hashing, "hashing");
    }

    /** What came of one attempt. */
    public sealed interface Attempt {
    }

    public record Valid(Credentials login) implements Attempt {
    }

    public record Invalid() implements Attempt {
    }

    /** Not checked: try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Attempt {
    }

    public Attempt attempt(String address, String username, char[] password) {
        Optional<Credentials> known = verified.find(username, password);
        if (known.isPresent()) {
            throttle.succeeded(address);
            return new Valid(known.get());
        }
        Optional<Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<Credentials> login;
        try {
            char[] given = password.clone();
            Future<Optional<Credentials>> check = hashing.submit(() -> Credentials.authenticate(username, given, logins));
            login = check.get();
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Login of '" + printable(username) + "' from " + address + " refused: too many logins are being checked at once");
            return new Throttled(BUSY_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Throttled(BUSY_RETRY);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking a password failed", e.getCause());
        }
        if (login.isPresent()) {
            verified.remember(username, password, login.get());
            throttle.succeeded(address);
            return new Valid(login.get());
        }
        int inARow = throttle.failed(address);
        LOG.warning(() -> "Failed login for '" + printable(username) + "' from " + address + " (" + inARow + " in a row"
                + (inARow >= LoginThrottle.FREE_FAILURES ? "; the next attempt waits " + LoginThrottle.wait(inARow).toSeconds() + " s" : "") + ")");
        return new Invalid();
    }

    /** A user name as it may go into a log line: no control characters, not too long. */
    private static String printable(String username) {
        String clean = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_NAME ? clean.substring(0, MAX_LOGGED_NAME) + "..." : clean;
    }
}
