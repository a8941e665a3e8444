package com.spurlab.core.user;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user as Spring Security holds it: carries the id and role the services check. */
public class SpurLabPrincipal extends User {

    private final long id;
    private final Role role;

    SpurLabPrincipal(AppUser user) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())));
        this.id = user.getId();
        this.role = user.getRole();
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }
}
