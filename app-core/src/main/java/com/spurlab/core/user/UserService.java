package com.spurlab.core.user;

import com.spurlab.core.ConflictException;
import com.spurlab.core.FieldLimits;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles; sign-in looks them up here. Admins create, disable and reset users; everyone
 * changes their own password. A disabled account or a changed password is announced
 * ({@link UserAccessChanged}) so that sessions and cached credentials stop working at once.
 */
@Service
@Transactional(readOnly = true)
public class UserService implements UserDetailsService {

    /** bcrypt reads only this many bytes of a password; a longer one would silently be cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final AppUsers users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AccountSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(AppUsers users, PasswordEncoder passwordEncoder, CurrentUser currentUser, AccountSettings settings,
                ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public SpurLabPrincipal loadUserByUsername(String username) {
        return users.findByUsername(username).map(SpurLabPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** Admins create users; the password follows the installation's policy. */
    @Transactional
    public AppUser create(String username, String password, Role role, String displayName) {
        requireAdmin();
        checkPassword("password", password);
        return createUnchecked(username, password, role, displayName);
    }

    /**
     * For installation seeding and tests: no caller is checked and the password policy is the caller's
     * business (the demo generates long passwords; the first admin goes through {@link #createFirstAdmin}).
     */
    @Transactional
    public AppUser createUnchecked(String username, String password, Role role, String displayName) {
        if (username == null || !username.matches("[a-zA-Z0-9._-]{2,64}")) {
            throw new InvalidRequestException("invalid_username",
                    "username must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException("weak_password", "password: give one");
        }
        if (role == null) {
            throw new InvalidRequestException("missing_role", "choose a role: " + List.of(Role.values()));
        }
        FieldLimits.atMost("displayName", displayName, 200);
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username_taken", "user '" + username + "' already exists");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        return users.save(new AppUser(username, passwordEncoder.encode(password), role, name, clock.instant()));
    }

    /**
     * A demo account (demo profile only), marked so that it can be switched off: created when missing,
     * enabled and given the demo's password when present (so the banner's password is always the one that
     * works, also for accounts from before demo passwords were generated). A real account of the same
     * name is left alone.
     */
    @Transactional
    public AppUser ensureDemoAccount(String username, Role role, String password) {
        Optional<AppUser> found = users.findByUsername(username);
        if (found.isEmpty()) {
            AppUser user = createUnchecked(username, password, role, "Demo " + username);
            user.markDemo();
            return user;
        }
        AppUser user = found.get();
        if (user.isDemo()) {
            user.setEnabled(true);
            if (!passwordEncoder.matches(password, user.getPasswordHash())) {
                user.setPasswordHash(passwordEncoder.encode(password));
            }
        }
        return user;
    }

    /**
     * The demo's accounts work only while the demo is switched on: started without it, they are disabled
     * (their sessions and tokens stop), started with it again they are enabled. Returns how many changed.
     */
    @Transactional
    public int setDemoAccountsEnabled(boolean enabled) {
        int changed = 0;
        for (AppUser user : users.findByDemoTrue()) {
            if (user.isEnabled() != enabled) {
                user.setEnabled(enabled);
                changed++;
                if (!enabled) {
                    events.publishEvent(new UserAccessChanged(user.getUsername()));
                }
            }
        }
        return changed;
    }

    /** True when an enabled administrator exists: otherwise the installation waits for its first admin. */
    public boolean hasEnabledAdmin() {
        return users.existsByRoleAndEnabledTrue(Role.ADMIN);
    }

    /**
     * The first administrator of a fresh installation; refused once an enabled admin exists. When the
     * name belongs to the switched-off demo's admin, that account becomes the real one with this password.
     */
    @Transactional
    public AppUser createFirstAdmin(String username, String password) {
        if (hasEnabledAdmin()) {
            throw new ConflictException("already_set_up", "this installation already has an administrator");
        }
        checkPassword("password", password);
        Optional<AppUser> demoAdmin = users.findByUsername(username == null ? "" : username)
                .filter(u -> u.isDemo() && u.getRole() == Role.ADMIN);
        if (demoAdmin.isPresent()) {
            AppUser user = demoAdmin.get();
            user.unmarkDemo();
            user.setPasswordHash(passwordEncoder.encode(password));
            user.setEnabled(true);
            return user;
        }
        return createUnchecked(username, password, Role.ADMIN, username);
    }

    /** The caller changes their own password; the current one must be given. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        SpurLabPrincipal caller = currentUser.require();
        if (currentUser.viaApiToken()) {
            throw new AccessDeniedException("an API token cannot change a password; sign in with the password");
        }
        AppUser user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("user", caller.id()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidRequestException("wrong_password", "currentPassword: does not match your password");
        }
        checkPassword("newPassword", newPassword);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new UserAccessChanged(user.getUsername()));
    }

    /** Admins set a new password for a user (who forgot theirs); the user's sessions end. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        requireAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        checkPassword("password", newPassword);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new UserAccessChanged(user.getUsername()));
    }

    /** Admins disable and enable users; a disabled user's sessions and tokens stop working at once. */
    @Transactional
    public AppUser setEnabled(long userId, boolean enabled) {
        SpurLabPrincipal caller = requireAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (!enabled && user.getId() == caller.id()) {
            throw new InvalidRequestException("own_account", "you cannot disable your own account");
        }
        user.setEnabled(enabled);
        if (!enabled) {
            events.publishEvent(new UserAccessChanged(user.getUsername()));
        }
        return user;
    }

    public List<AppUser> list() {
        requireAdmin();
        return users.findAll().stream().sorted(Comparator.comparing(AppUser::getUsername)).toList();
    }

    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public Optional<AppUser> findById(long id) {
        return users.findById(id);
    }

    /** The password policy: at least the configured length, at most what bcrypt reads. */
    public void checkPassword(String field, String password) {
        int min = settings.minPasswordLength();
        if (password == null || password.length() < min) {
            throw new InvalidRequestException("weak_password", field + ": at least " + min + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidRequestException("password_too_long", field + ": at most " + MAX_PASSWORD_BYTES
                    + " bytes (UTF-8)");
        }
    }

    public int minPasswordLength() {
        return settings.minPasswordLength();
    }

    /** The users with these ids (missing ones are left out): one query. */
    public List<AppUser> findAllById(java.util.Collection<Long> ids) {
        return users.findAllById(ids);
    }

    SpurLabPrincipal principalOf(long userId) {
        return users.findById(userId).map(SpurLabPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + userId));
    }

    private SpurLabPrincipal requireAdmin() {
        SpurLabPrincipal caller = currentUser.require();
        if (caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an admin manages users");
        }
        return caller;
    }
}
