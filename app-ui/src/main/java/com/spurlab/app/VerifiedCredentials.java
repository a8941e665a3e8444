package com.spurlab.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Username/password pairs that bcrypt accepted a moment ago, so that a script sending HTTP Basic with every
 * request pays bcrypt once a minute instead of every time. Keys are an HMAC of the pair under a key made
 * at start (never the password, and useless outside this process); a password change or a disabled
 * account drops the user's entries at once.
 */
final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String username, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    boolean verified(String username, String password) {
        Entry entry = entries.get(fingerprint(username, password));
        return entry != null && entry.username().equals(username) && entry.until().isAfter(clock.instant());
    }

    void remember(String username, String password) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.until().isAfter(now));
        }
        if (entries.size() < MAX_ENTRIES) {
            entries.put(fingerprint(username, password), new Entry(username, now.plus(ttl)));
        }
    }

    void forget(String username) {
        entries.values().removeIf(e -> e.username().equals(username));
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
