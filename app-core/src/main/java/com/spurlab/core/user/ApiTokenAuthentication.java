package com.spurlab.core.user;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in with an API token (not a password): such a caller may not issue more tokens. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final SpurLabPrincipal principal;
    private final long tokenId;

    ApiTokenAuthentication(SpurLabPrincipal principal, long tokenId) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SpurLabPrincipal getPrincipal() {
        return principal;
    }

    public long tokenId() {
        return tokenId;
    }
}
