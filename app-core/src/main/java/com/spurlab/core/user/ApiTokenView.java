package com.spurlab.core.user;

import java.time.Instant;

/** What the owner sees of a token: never its value. {@code lastUsedAt} is exact to about a minute. */
public record ApiTokenView(long id, String label, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
}
