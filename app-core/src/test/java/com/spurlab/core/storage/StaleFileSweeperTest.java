package com.spurlab.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed process left (staged uploads, half-written blobs, multipart buffers) goes; live and real files stay. */
class StaleFileSweeperTest {

    @TempDir
    Path dir;

    @Test
    void removesLeftoversOlderThanTheCutoffOnly() throws IOException {
        StorageSettings storage = new StorageSettings(dir, 1L << 32, 1 << 20, 1 << 24);
        Instant cutoff = Instant.parse("2026-01-01T12:00:00Z");
        Instant before = cutoff.minusSeconds(60);
        Instant after = cutoff.plusSeconds(60);
        Path stalePart = file(storage.uploads().resolve("incoming-123.part"), before);
        Path livePart = file(storage.uploads().resolve("incoming-456.part"), after);
        Path archive = file(storage.uploads().resolve("version-7.archive"), before);
        Path staleTmp = file(storage.blobs().resolve("ab").resolve("ab12cd.tmp"), before);
        Path blob = file(storage.blobs().resolve("ab").resolve("ab" + "0".repeat(62)), before);
        Path buffer = file(storage.multipartTemp().resolve("upload_1_2.tmp"), before);
        Path liveBuffer = file(storage.multipartTemp().resolve("upload_3_4.tmp"), after);

        int removed = new StaleFileSweeper(storage, Clock.systemUTC(), false).sweep(cutoff);

        assertThat(removed).isEqualTo(3);
        assertThat(stalePart).doesNotExist();
        assertThat(staleTmp).doesNotExist();
        assertThat(buffer).doesNotExist();
        assertThat(livePart).exists();
        assertThat(liveBuffer).exists();
        assertThat(archive).as("a version's archive is the validation's input").exists();
        assertThat(blob).exists();
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
