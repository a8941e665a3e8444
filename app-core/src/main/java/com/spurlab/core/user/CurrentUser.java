package com.spurlab.core.user;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of a service, read from the security context (UI session or API request). */
@Component
public class CurrentUser {

    public SpurLabPrincipal require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SpurLabPrincipal principal) {
            return principal;
        }
        throw new AuthenticationCredentialsNotFoundException("sign in first");
    }

    /** True when the caller presented an API token rather than a password. */
    public boolean viaApiToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication;
    }
}
