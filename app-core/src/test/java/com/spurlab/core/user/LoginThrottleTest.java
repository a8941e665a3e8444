package com.spurlab.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.ReflectionTestUtils;

/** Failed sign-ins: free at first, then each try waits (1 s, 2 s, 4 s …), then a lock; per account and address. */
class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SignInSettings settings = new SignInSettings(3, 10, 20, 100, Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofSeconds(60));
    private final LoginThrottle throttle = new LoginThrottle(settings, new CurrentUser(), clock);

    @BeforeEach
    void signInAsAdmin() {
        signIn(Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAccountIsSlowedAfterThreeFailuresThenLockedAfterTen() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("alice", "10.0.0.2")).isEmpty();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.waitBefore("Alice", "10.0.0.2")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("alice", "10.0.0.2")).isEmpty();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.waitBefore("alice", "10.0.0.2")).contains(Duration.ofSeconds(2));
        for (int i = 6; i <= 10; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedAccounts()).containsOnlyKeys("alice");
        assertThat(throttle.lockedAccounts().get("alice").failures()).isEqualTo(10);
        assertThat(throttle.waitBefore("bob", "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("alice", "10.0.0.9")).isEmpty();
        assertThat(throttle.lockedAccounts()).isEmpty();
    }

    @Test
    void guessesSpreadOverManyAccountsLockTheirAddress() {
        for (int i = 0; i < 100; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.waitBefore("someone-else", "10.0.0.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("someone-else", "10.0.0.8")).isEmpty();
        assertThat(throttle.lockedAddresses()).containsOnlyKeys("10.0.0.7");

        assertThat(throttle.unlock("10.0.0.7")).isTrue();
        assertThat(throttle.waitBefore("someone-else", "10.0.0.7")).isEmpty();
    }

    @Test
    void theRightPasswordClearsTheAccountButNotTheAddressAndOldFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", "10.0.0.3");
        }
        throttle.succeeded("carol");
        assertThat(throttle.waitBefore("carol", null)).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.failed("dave", null);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("dave", null);
        assertThat(throttle.waitBefore("dave", null)).as("the earlier three were forgotten").isEmpty();
    }

    @Test
    void onlyAdminsSeeAndLiftLocks() {
        signIn(Role.LEAD);
        assertThatThrownBy(throttle::lockedAccounts).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> throttle.unlock("alice")).isInstanceOf(AccessDeniedException.class);
    }

    private static void signIn(Role role) {
        AppUser user = new AppUser("someone-" + role, "{noop}x", role, "x", Instant.EPOCH);
        ReflectionTestUtils.setField(user, "id", 1L);
        var principal = new SpurLabPrincipal(user);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
