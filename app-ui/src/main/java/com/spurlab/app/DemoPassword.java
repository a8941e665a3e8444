package com.spurlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The demo users' password: the configured one, else the one generated earlier for this data folder, else
 * a new one (16 letters and digits, no look-alikes) kept owner-only in {@code DATA/demo-password}. A fixed
 * well-known password would let anyone who reaches a demo on a network in as admin.
 */
final class DemoPassword {

    static final String FILE = "demo-password";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private DemoPassword() {
    }

    static String of(DemoSettings settings, Path dataDir, int minLength) {
        if (settings.password() != null && !settings.password().isBlank()) {
            if (settings.password().length() < minLength) {
                throw new IllegalStateException("spurlab.demo.password needs at least " + minLength + " characters");
            }
            return settings.password();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).strip();
                if (kept.length() >= minLength) {
                    return kept;
                }
            }
            StringBuilder password = new StringBuilder();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < Math.max(16, minLength); i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(DataFolderPermissions.OWNER_FILE));
            Files.writeString(file, password + "\n");
            return password.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo password in " + file, e);
        }
    }
}
