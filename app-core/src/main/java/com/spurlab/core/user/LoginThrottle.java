package com.spurlab.core.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Counts failed password sign-ins per account and per client address. After a few failures each further
 * try must wait (doubling from one second), after more the account or address is locked for a while.
 * A try during a wait or lock is refused without checking the password, so guessing is slowed to the
 * wait's pace whatever the attacker's speed. Counters live in this process (per node).
 */
@Component
public class LoginThrottle {

    /** Counters above this are pruned of forgotten entries, so unknown names cannot fill the memory. */
    private static final int MAX_ENTRIES = 100_000;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private record Counter(int failures, Instant last, Instant blockedUntil) {
    }

    /** A lock an admin can see: who or where, failures counted, until when. */
    public record Lock(String key, int failures, Instant until) {
    }

    private final SignInSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    LoginThrottle(SignInSettings settings, CurrentUser currentUser, Clock clock) {
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** How long the caller must still wait before this account may try from this address; empty when it may. */
    public Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(accounts, key(username), now), blockedUntil(addresses, address, now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(accounts, key(username), now, settings.slowAfter(), settings.lockAfter());
        if (address != null) {
            count(addresses, address, now, settings.addressSlowAfter(), settings.addressLockAfter());
        }
    }

    /** A right password clears the account's count (not the address's: one account must not vouch for others). */
    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** Accounts locked now (admins). */
    public Map<String, Lock> lockedAccounts() {
        requireAdmin();
        return locks(accounts);
    }

    /** Client addresses locked now (admins). */
    public Map<String, Lock> lockedAddresses() {
        requireAdmin();
        return locks(addresses);
    }

    /** Admins lift a lock on an account name or a client address. */
    public boolean unlock(String usernameOrAddress) {
        requireAdmin();
        boolean account = accounts.remove(key(usernameOrAddress)) != null;
        return addresses.remove(usernameOrAddress) != null || account;
    }

    private void count(Map<String, Counter> counters, String key, Instant now, int slowAfter, int lockAfter) {
        if (counters.size() > MAX_ENTRIES) {
            counters.values().removeIf(c -> forgotten(c, now));
        }
        counters.compute(key, (k, c) -> {
            int failures = c == null || forgotten(c, now) ? 1 : c.failures() + 1;
            Instant blocked = null;
            if (failures >= lockAfter) {
                blocked = now.plus(settings.lockFor());
            } else if (failures > slowAfter) {
                Duration wait = Duration.ofSeconds(1L << Math.min(failures - slowAfter - 1, 16));
                blocked = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            return new Counter(failures, now, blocked);
        });
    }

    private boolean forgotten(Counter c, Instant now) {
        Instant free = c.blockedUntil() == null ? c.last() : later(c.last(), c.blockedUntil());
        return free.plus(settings.forgetAfter()).isBefore(now);
    }

    private static Instant blockedUntil(Map<String, Counter> counters, String key, Instant now) {
        Counter c = key == null ? null : counters.get(key);
        return c == null || c.blockedUntil() == null || !c.blockedUntil().isAfter(now) ? null : c.blockedUntil();
    }

    private Map<String, Lock> locks(Map<String, Counter> counters) {
        Instant now = clock.instant();
        Map<String, Lock> locks = new TreeMap<>();
        counters.forEach((key, c) -> {
            if (c.blockedUntil() != null && c.blockedUntil().isAfter(now)) {
                locks.put(key, new Lock(key, c.failures(), c.blockedUntil()));
            }
        });
        return locks;
    }

    private void requireAdmin() {
        if (currentUser.require().role() != Role.ADMIN) {
            throw new AccessDeniedException("only an admin sees and lifts sign-in locks");
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
