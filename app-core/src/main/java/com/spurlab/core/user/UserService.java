package com.spurlab.core.user;

import com.spurlab.core.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles; sign-in looks them up here. Managing users is for admins. */
@Service
@Transactional(readOnly = true)
public class UserService implements UserDetailsService {

    private final AppUsers users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;

    UserService(AppUsers users, PasswordEncoder passwordEncoder, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public SpurLabPrincipal loadUserByUsername(String username) {
        return users.findByUsername(username).map(SpurLabPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** Admins create users. */
    @Transactional
    public AppUser create(String username, String password, Role role, String displayName) {
        requireAdmin();
        return createUnchecked(username, password, role, displayName);
    }

    /** For installation seeding (demo users, first admin): no caller to check. */
    @Transactional
    public AppUser createUnchecked(String username, String password, Role role, String displayName) {
        if (username == null || !username.matches("[a-zA-Z0-9._-]{2,64}")) {
            throw new InvalidRequestException("invalid_username",
                    "username must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 4) {
            throw new InvalidRequestException("weak_password", "password must have at least 4 characters");
        }
        if (role == null) {
            throw new InvalidRequestException("missing_role", "choose a role: " + List.of(Role.values()));
        }
        if (users.findByUsername(username).isPresent()) {
            throw new InvalidRequestException("username_taken", "user '" + username + "' already exists");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName;
        return users.save(new AppUser(username, passwordEncoder.encode(password), role, name, clock.instant()));
    }

    public List<AppUser> list() {
        requireAdmin();
        return users.findAll();
    }

    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public Optional<AppUser> findById(long id) {
        return users.findById(id);
    }

    /** The users with these ids (missing ones are left out): one query. */
    public List<AppUser> findAllById(java.util.Collection<Long> ids) {
        return users.findAllById(ids);
    }

    SpurLabPrincipal principalOf(long userId) {
        return users.findById(userId).map(SpurLabPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + userId));
    }

    private void requireAdmin() {
        if (currentUser.require().role() != Role.ADMIN) {
            throw new AccessDeniedException("only an admin manages users");
        }
    }
}
