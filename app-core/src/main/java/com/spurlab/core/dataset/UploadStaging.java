package com.spurlab.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives an upload into the uploads folder in 64 KiB steps, never whole in memory; an upload over
 * the size cap is cut off while it streams and its partial file removed.
 */
final class UploadStaging {

    private final Path uploads;
    private final long maxBytes;

    UploadStaging(Path uploads, long maxBytes) {
        this.uploads = uploads;
        this.maxBytes = maxBytes;
    }

    Path stage(InputStream content) {
        try {
            Files.createDirectories(uploads);
            Path staged = Files.createTempFile(uploads, "incoming-", ".part");
            try (OutputStream out = Files.newOutputStream(staged)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = content.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        out.close();
                        Files.deleteIfExists(staged);
                        throw new UploadTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(staged);
                throw e;
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the upload", e);
        }
    }
}
