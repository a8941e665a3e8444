package com.spurlab.core.user;

import com.spurlab.core.ConflictException;
import com.spurlab.core.FieldLimits;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.storage.BlobStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues API tokens to the signed-in user, lists and revokes them, and resolves a presented token to
 * its user. A token may expire; a user holds a limited number; a caller signed in with a token cannot
 * issue more (a leaked token must not be able to multiply itself).
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    static final int MAX_LABEL = 200;
    private static final String PREFIX = "spl_";
    private static final Duration USE_RECORDING = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final UserService users;
    private final CurrentUser currentUser;
    private final AccountSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** When this process last recorded each token's use. */
    private final Map<Long, Instant> recorded = new ConcurrentHashMap<>();

    ApiTokenService(ApiTokens tokens, UserService users, CurrentUser currentUser, AccountSettings settings,
                    Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token without expiry; its plain value is in the result only. */
    @Transactional
    public IssuedToken issue(String label) {
        return issue(label, null);
    }

    /** @param expiresInDays null for no expiry, else 1 to the configured maximum */
    @Transactional
    public IssuedToken issue(String label, Integer expiresInDays) {
        SpurLabPrincipal caller = currentUser.require();
        if (currentUser.viaApiToken()) {
            throw new AccessDeniedException("an API token cannot issue tokens; sign in with your password "
                    + "(UI or HTTP Basic) to issue one");
        }
        FieldLimits.atMost("label", label, MAX_LABEL);
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > settings.maxTokenDays()) {
                throw new InvalidRequestException("invalid_expiry", "expiresInDays: 1 to " + settings.maxTokenDays()
                        + ", or leave it out for a token that lasts until revoked");
            }
            expiresAt = now.plus(Duration.ofDays(expiresInDays));
        }
        if (tokens.countByUserId(caller.id()) >= settings.maxTokensPerUser()) {
            throw new ConflictException("too_many_tokens", "you hold " + settings.maxTokensPerUser()
                    + " API tokens, the most allowed; revoke one (DELETE /api/v1/me/tokens/{id}) first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String name = label == null || label.isBlank() ? "API token" : label.strip();
        ApiToken saved = tokens.save(new ApiToken(caller.id(), hash(token), name, now, expiresAt));
        return new IssuedToken(saved.id(), token, name, expiresAt);
    }

    /** The caller's tokens, newest first. */
    public List<ApiTokenView> mine() {
        return tokens.findByUserIdOrderByIdDesc(currentUser.require().id()).stream().map(ApiToken::view).toList();
    }

    /** Revokes one of the caller's tokens; another user's token is "not found", as if it did not exist. */
    @Transactional
    public void revoke(long tokenId) {
        long caller = currentUser.require().id();
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == caller)
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        tokens.delete(token);
    }

    /** The token's user and authentication, when the token exists, has not expired and its user is enabled. */
    @Transactional
    public Optional<ApiTokenAuthentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByTokenHash(hash(token)).filter(t -> !t.expiredAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        SpurLabPrincipal principal = users.principalOf(t.userId());
        if (!principal.isEnabled()) {
            return Optional.empty();
        }
        if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(USE_RECORDING))) {
            // Of many requests arriving at once with a stale "last used", one writes it; the rest read on.
            AtomicBoolean first = new AtomicBoolean();
            recorded.compute(t.id(), (id, last) -> {
                if (last == null || last.isBefore(now.minus(USE_RECORDING))) {
                    first.set(true);
                    return now;
                }
                return last;
            });
            if (first.get()) {
                tokens.markUsed(t.id(), now);
            }
        }
        return Optional.of(new ApiTokenAuthentication(principal, t.id()));
    }

    private static String hash(String token) {
        return BlobStore.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
