package com.spurlab.core.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for accounts and API tokens.
 *
 * @param minPasswordLength  a new password has at least this many characters
 * @param maxTokensPerUser   API tokens one user may hold at once (revoke one to issue another)
 * @param maxTokenDays       the longest expiry a token may be given; tokens without expiry stay allowed
 */
@ConfigurationProperties("spurlab.accounts")
public record AccountSettings(@DefaultValue("12") int minPasswordLength,
                              @DefaultValue("20") int maxTokensPerUser,
                              @DefaultValue("3650") int maxTokenDays) {
}
