package com.papertrader.application.security;

import java.util.List;
import java.util.Optional;

/** Where API tokens are kept (hashed). */
public interface ApiTokenStore {

    void add(ApiToken token);

    Optional<ApiToken> byHash(String tokenHash);

    Optional<ApiToken> byId(String id);

    /** Newest first. */
    List<ApiToken> all();

    /** Writes a token's revocation or last use. */
    void update(ApiToken token);
}
