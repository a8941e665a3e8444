package com.spurlab.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.ConflictException;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Accounts and API tokens on app-core's own beans: the password policy, changing and resetting passwords,
 * disabling users (their tokens stop at once), demo accounts that work only while the demo is on, and
 * tokens that can be listed, revoked, expire, are capped and cannot mint more tokens.
 */
@SpringBootTest(classes = AccountsTest.CoreOnly.class)
@RecordApplicationEvents
class AccountsTest {

    private static final Path DATA = temporaryFolder();
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private static final String GOOD = "correct-horse-battery";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "com.spurlab.core",
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
    @EntityScan("com.spurlab.core")
    @EnableJpaRepositories("com.spurlab.core")
    static class CoreOnly {
        @Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spurlab.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/db/spurlab;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/common,classpath:db/migration/{vendor}");
        registry.add("spurlab.accounts.max-tokens-per-user", () -> "3");
    }

    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void newPasswordsNeedTwelveCharactersAndFitBcrypt() {
        signInAs(user(Role.ADMIN));
        assertThatThrownBy(() -> users.create(unique("u"), "eleven-char", Role.LEAD, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("password: at least 12 characters");
        assertThatThrownBy(() -> users.create(unique("u"), "é".repeat(37), Role.LEAD, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 72 bytes");
        assertThat(users.create(unique("u"), "twelve-chars", Role.LEAD, null).isEnabled()).isTrue();
        assertThatThrownBy(() -> users.create(unique("u"), GOOD, Role.LEAD, "n".repeat(201)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("displayName: at most 200 characters, got 201");
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOneAndEverySessionHearsOfIt() {
        AppUser lead = user(Role.LEAD);
        signInAs(lead);
        assertThatThrownBy(() -> users.changeOwnPassword("wrong-password!", "another-password"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("currentPassword");
        assertThatThrownBy(() -> users.changeOwnPassword(GOOD, "short"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("newPassword: at least 12");

        users.changeOwnPassword(GOOD, "another-password");

        assertThat(encoder.matches("another-password", users.loadUserByUsername(lead.getUsername()).getPassword()))
                .isTrue();
        assertThat(events.stream(UserAccessChanged.class)).contains(new UserAccessChanged(lead.getUsername()));
    }

    @Test
    void aDisabledUsersTokensStopAtOnceAndOnlyAdminsDisable() {
        AppUser vendor = user(Role.VENDOR);
        signInAs(vendor);
        String token = tokens.issue("script").token();
        assertThat(tokens.authenticate(token)).isPresent();
        assertThatThrownBy(() -> users.setEnabled(vendor.getId(), false)).isInstanceOf(AccessDeniedException.class);

        AppUser admin = user(Role.ADMIN);
        signInAs(admin);
        users.setEnabled(vendor.getId(), false);

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(users.loadUserByUsername(vendor.getUsername()).isEnabled()).isFalse();
        assertThat(events.stream(UserAccessChanged.class)).contains(new UserAccessChanged(vendor.getUsername()));
        assertThatThrownBy(() -> users.setEnabled(admin.getId(), false)).isInstanceOf(InvalidRequestException.class);

        users.setEnabled(vendor.getId(), true);
        assertThat(tokens.authenticate(token)).isPresent();
    }

    @Test
    void tokensAreListedRevokedExpireAndAreCapped() {
        AppUser lead = user(Role.LEAD);
        signInAs(lead);
        IssuedToken lasting = tokens.issue("lasting", null);
        IssuedToken daily = tokens.issue("daily", 1);
        assertThat(daily.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(1)));
        assertThat(tokens.mine()).extracting(ApiTokenView::label).containsExactly("daily", "lasting");
        assertThat(tokens.mine()).allSatisfy(t -> assertThat(t.lastUsedAt()).isNull());

        assertThat(tokens.authenticate(lasting.token())).isPresent();
        assertThat(tokens.mine()).filteredOn(t -> t.id() == lasting.id()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(CLOCK.instant()));
        tokens.issue("third", null);
        assertThatThrownBy(() -> tokens.issue("fourth", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("revoke one");

        CLOCK.advance(Duration.ofDays(1));
        assertThat(tokens.authenticate(daily.token())).as("expired").isEmpty();
        assertThat(tokens.authenticate(lasting.token())).isPresent();

        signInAs(user(Role.LEAD));
        assertThatThrownBy(() -> tokens.revoke(lasting.id())).as("another user's token")
                .isInstanceOf(NotFoundException.class);
        signInAs(lead);
        tokens.revoke(lasting.id());
        assertThat(tokens.authenticate(lasting.token())).isEmpty();
        assertThat(tokens.mine()).extracting(ApiTokenView::label).containsExactly("third", "daily");
    }

    @Test
    void aTokenCannotMintTokensNorChangeThePasswordAndLabelsHaveALimit() {
        signInAs(user(Role.LEAD));
        assertThatThrownBy(() -> tokens.issue("x".repeat(5000), null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("label: at most 200 characters, got 5000");
        assertThatThrownBy(() -> tokens.issue("x", 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expiresInDays");
        String token = tokens.issue("ci", null).token();

        SecurityContextHolder.getContext().setAuthentication(tokens.authenticate(token).orElseThrow());

        assertThatThrownBy(() -> tokens.issue("minted", null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("cannot issue tokens");
        assertThatThrownBy(() -> users.changeOwnPassword(GOOD, "another-password"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.mine()).hasSize(1);
    }

    @Test
    void demoAccountsWorkOnlyWhileTheDemoIsOnAndTakeTheDemosPassword() {
        String name = unique("demo");
        AppUser demo = users.ensureDemoAccount(name, Role.LEAD, "first-demo-password");
        assertThat(demo.isDemo()).isTrue();

        users.setDemoAccountsEnabled(false);
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();

        users.ensureDemoAccount(name, Role.LEAD, "second-demo-password");
        var principal = users.loadUserByUsername(name);
        assertThat(principal.isEnabled()).isTrue();
        assertThat(encoder.matches("second-demo-password", principal.getPassword())).isTrue();

        AppUser real = user(Role.LEAD);
        users.ensureDemoAccount(real.getUsername(), Role.LEAD, "demo-password-xyz");
        assertThat(encoder.matches(GOOD, users.loadUserByUsername(real.getUsername()).getPassword()))
                .as("a real account of the same name is left alone").isTrue();
    }

    private AppUser user(Role role) {
        return users.createUnchecked(unique(role.name().toLowerCase(java.util.Locale.ROOT)), GOOD, role, null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private void signInAs(AppUser user) {
        var principal = users.loadUserByUsername(user.getUsername());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("spurlab-accounts-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
