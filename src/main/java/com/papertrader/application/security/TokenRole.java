package com.papertrader.application.security;

import java.util.Set;

/** What a request made with an API token may do: everything (as the admin) or only read (as the viewer). */
public enum TokenRole {
    ADMIN(Credentials.ADMIN_ROLE),
    VIEWER(Credentials.VIEWER_ROLE);

    private final String role;

    TokenRole(String role) {
        this.role = role;
    }

    public Set<String> roles() {
        return Credentials.rolesOf(role);
    }
}
