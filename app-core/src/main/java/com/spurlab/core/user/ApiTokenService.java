package com.spurlab.core.user;

import com.spurlab.core.storage.BlobStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues API tokens to the signed-in user and resolves a presented token to its user. */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    private static final String PREFIX = "spl_";

    private final ApiTokens tokens;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokens tokens, UserService users, CurrentUser currentUser, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Returns the plain token; it cannot be shown again. */
    @Transactional
    public String issue(String label) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String name = label == null || label.isBlank() ? "API token" : label;
        tokens.save(new ApiToken(currentUser.require().id(), hash(token), name, clock.instant()));
        return token;
    }

    public Optional<SpurLabPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).map(t -> users.principalOf(t.userId()))
                .filter(SpurLabPrincipal::isEnabled);
    }

    private static String hash(String token) {
        return BlobStore.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
