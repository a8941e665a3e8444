package com.spurlab.app;

import com.spurlab.core.user.LoginThrottle;
import com.spurlab.core.user.SpurLabPrincipal;
import com.spurlab.core.user.UserService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the login form and HTTP Basic alike. A pair verified a moment ago passes without
 * bcrypt (so a script sending Basic with every request is not slowed, nor shut out when guessers share
 * its address); any other try is refused while the account or client address is throttled, else
 * checked by bcrypt (through Spring's provider), and every failure is counted.
 */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider bcrypt;
    private final UserService users;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;

    PasswordAuthenticationProvider(DaoAuthenticationProvider bcrypt, UserService users, LoginThrottle throttle,
                                   VerifiedCredentials verified) {
        this.bcrypt = bcrypt;
        this.users = users;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (verified.verified(username, password)) {
            // The account is read every time, so a disabled user is refused even within the cache's minute.
            SpurLabPrincipal principal = users.loadUserByUsername(username);
            if (!principal.isEnabled()) {
                throw new DisabledException("the account is disabled");
            }
            var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication result = bcrypt.authenticate(authentication);
            throttle.succeeded(username);
            verified.remember(username, password);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
