package com.papertrader.application.security;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens for automation ({@code Authorization: Bearer pt_...}): 256 random bits each, so a fast hash (SHA-256) is
 * as safe to keep as a slow one is for a password, and checking a token costs one hash and one indexed lookup instead
 * of a password hash. The token is shown once when it is made; a revoked token stops working at once.
 */
@ApplicationScoped
public class ApiTokens {

    /** Every token starts with this, so a leaked one is easy to recognise (and to search for in code and logs). */
    public static final String PREFIX = "pt_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final int MAX_NAME = 100;

    private ApiTokenStore store;
    private Audit audit;
    private Clock clock;
    private SecureRandom random;

    protected ApiTokens() {
    }

    @Inject
    public ApiTokens(ApiTokenStore store, Audit audit, Clock clock) {
        this(store, audit, clock, new SecureRandom());
    }

    ApiTokens(ApiTokenStore store, Audit audit, Clock clock, SecureRandom random) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** A new token and the one time its secret is known. */
    public record Issued(ApiToken token, String secret) {
    }

    /**
     * Makes a token.
     *
     * @throws IllegalArgumentException when the name is empty, too long or holds control characters
     */
    public Issued issue(String name, TokenRole role, Actor actor) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A token needs a name of 1 to " + MAX_NAME + " printable characters.");
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(RANDOM_BYTES));
        ApiToken token = new ApiToken("t" + HexFormat.of().formatHex(randomBytes(6)), clean, role, hash(secret), clock.instant(),
                actor.user());
        store.add(token);
        audit.record(actor, AuditAction.TOKEN_CREATED, "token " + token.getId(), "name " + clean + ", role " + role);
        return new Issued(token, secret);
    }

    /**
     * Revokes a token: requests made with it are refused from now on.
     *
     * @return false when there is no such token or it was revoked already
     */
    public boolean revoke(String id, Actor actor) {
        Optional<ApiToken> token = store.byId(id).filter(found -> !found.isRevoked());
        token.ifPresent(found -> {
            found.revoke(actor.user(), clock.instant());
            store.update(found);
            audit.record(actor, AuditAction.TOKEN_REVOKED, "token " + id, "name " + found.getName());
        });
        return token.isPresent();
    }

    public List<ApiToken> all() {
        return store.all();
    }

    /** The token a request presented, if it is one we issued and did not revoke; anything malformed is not looked up. */
    public Optional<ApiToken> authenticate(String presented) {
        if (presented == null || !WELL_FORMED.matcher(presented).matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.byHash(hash(presented)).filter(found -> !found.isRevoked());
        token.filter(found -> found.used(clock.instant())).ifPresent(store::update);
        return token;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
