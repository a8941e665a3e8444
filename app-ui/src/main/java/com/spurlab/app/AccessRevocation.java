package com.spurlab.app;

import com.spurlab.core.user.UserAccessChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * A user whose password changed or whose account was disabled loses what they signed in with before:
 * their UI sessions expire at their next request and their verified Basic credentials are forgotten.
 */
class AccessRevocation {

    private final SessionRegistry sessions;
    private final VerifiedCredentials verified;

    AccessRevocation(SessionRegistry sessions, VerifiedCredentials verified) {
        this.sessions = sessions;
        this.verified = verified;
    }

    @EventListener
    void on(UserAccessChanged event) {
        verified.forget(event.username());
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof org.springframework.security.core.userdetails.UserDetails user
                    && user.getUsername().equals(event.username())) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
