package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.LoginThrottle;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage users: create, disable and enable, reset passwords, see and lift sign-in locks. */
@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    record CreateUser(String username, String password, String role, String displayName) {
    }

    record NewPassword(String password) {
    }

    record Unlock(String account) {
    }

    /** {@code lockedUntil}: set while failed sign-ins keep the account locked. */
    record UserJson(long id, String username, String role, String displayName, boolean enabled, boolean demo,
                    Instant createdAt, Instant lockedUntil) {
    }

    private final UserService users;
    private final LoginThrottle throttle;

    UserApi(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @GetMapping
    List<UserJson> list() {
        List<AppUser> all = users.list();
        Map<String, LoginThrottle.Lock> locks = throttle.lockedAccounts();
        return all.stream().map(u -> json(u, locks)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserJson create(@RequestBody CreateUser body) {
        AppUser user = users.create(body.username(), body.password(), role(body.role()), body.displayName());
        return json(user, Map.of());
    }

    @PostMapping("/{id}/disable")
    UserJson disable(@PathVariable long id) {
        return json(users.setEnabled(id, false), throttle.lockedAccounts());
    }

    @PostMapping("/{id}/enable")
    UserJson enable(@PathVariable long id) {
        return json(users.setEnabled(id, true), throttle.lockedAccounts());
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody NewPassword body) {
        users.resetPassword(id, body.password());
    }

    /** Locked accounts and client addresses, with their failure counts and until when. */
    @GetMapping("/locks")
    Map<String, Collection<LoginThrottle.Lock>> locks() {
        return Map.of("accounts", throttle.lockedAccounts().values(),
                "addresses", throttle.lockedAddresses().values());
    }

    /** Lifts the lock of an account name or a client address. */
    @PostMapping("/locks/unlock")
    Map<String, Boolean> unlock(@RequestBody Unlock body) {
        if (body.account() == null || body.account().isBlank()) {
            throw new InvalidRequestException("missing_account", "account: the user name or client address to unlock");
        }
        return Map.of("unlocked", throttle.unlock(body.account()));
    }

    private static UserJson json(AppUser u, Map<String, LoginThrottle.Lock> locks) {
        LoginThrottle.Lock lock = locks.get(u.getUsername().toLowerCase(Locale.ROOT));
        return new UserJson(u.getId(), u.getUsername(), u.getRole().name(), u.getDisplayName(), u.isEnabled(),
                u.isDemo(), u.getCreatedAt(), lock == null ? null : lock.until());
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_role", "role: one of " + List.of(Role.values()));
        }
    }
}
