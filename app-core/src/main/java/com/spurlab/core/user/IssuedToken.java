package com.spurlab.core.user;

import java.time.Instant;

/** A token just issued: its plain value is shown this once. */
public record IssuedToken(long id, String token, String label, Instant expiresAt) {
}
