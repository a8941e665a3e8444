package com.spurlab.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store: a blob's name is the SHA-256 of its bytes, so identical images are
 * stored once across versions and a blob is never half-written (temp file, then atomic move).
 */
@Component
public class BlobStore {

    private final Path root;

    public BlobStore(StorageSettings settings) {
        this.root = settings.blobs();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Stores the bytes and returns their hash; a no-op when the blob already exists. */
    public String put(byte[] bytes) {
        String hash = sha256(bytes);
        putIfAbsent(hash, bytes);
        return hash;
    }

    /**
     * Stores bytes whose SHA-256 the caller has computed; returns true when this call created the blob
     * (so the caller knows it alone brought it in), false when it was already there.
     */
    public boolean putIfAbsent(String hash, byte[] bytes) {
        Path target = path(hash);
        if (Files.exists(target)) {
            // Mark it as just claimed: a concurrent clean-up spares blobs touched since a validation began.
            try {
                Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                return false;
            } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                // removed by a clean-up between the check and the touch: store it again below
            } catch (IOException e) {
                throw new UncheckedIOException("cannot touch blob " + hash, e);
            }
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), hash, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + hash, e);
        }
        return true;
    }

    /** When the blob was last stored or claimed, or null when it does not exist. */
    public java.time.Instant touchedAt(String hash) {
        try {
            return Files.getLastModifiedTime(path(hash)).toInstant();
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + hash, e);
        }
    }

    /** Removes a blob; callers first make sure that no sample references it. */
    public void delete(String hash) {
        try {
            Files.deleteIfExists(path(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove blob " + hash, e);
        }
    }

    public Path path(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a blob hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
