package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built to attack: each is refused whole with a message that says why, nothing is written
 * outside the data folder, and every blob the refused read stored is listed for removal.
 */
class HostileArchiveTest {

    @TempDir
    Path dir;
    private BlobStore blobs;
    private DatasetArchiveReader reader;

    @BeforeEach
    void setUp() {
        blobs = new BlobStore(new StorageSettings(dir.resolve("data"), 1L << 32, 4 << 20, 4096L * 4096));
        reader = new DatasetArchiveReader(blobs, 4 << 20, 4096L * 4096, 1L << 30, 2);
    }

    @Test
    void zipSlipEntryIsRefused() throws IOException {
        TestArchives archive = TestArchives.balanced(3).entry("../../evil.png", TestArchives.rgb(99));
        assertRefused(reader.read(archive.write(dir.resolve("slip.zip"))), "'../../evil.png' has an absolute or '..' path");
    }

    @Test
    void absolutePathEntryIsRefusedInTarToo() throws IOException {
        TestArchives archive = TestArchives.balanced(3).entry("/tmp/evil.png", TestArchives.rgb(99));
        var result = reader.read(archive.write(dir.resolve("abs.zip")));
        assertRefused(result, "'/tmp/evil.png' has an absolute or '..' path");

        TestArchives tarred = TestArchives.balanced(3).entry("images/../../evil.png", TestArchives.rgb(98));
        assertRefused(reader.read(tarred.writeTar(dir.resolve("slip.tar"), false, Map.of())), "has an absolute or '..' path");
    }

    @Test
    void symbolicLinksAreRefusedInZipAndTar() throws IOException {
        var zip = reader.read(TestArchives.balanced(3).writeZipWithSymlink(dir.resolve("link.zip"), "images/0.png",
                "/etc/passwd"));
        assertRefused(zip, "is a symbolic or hard link");

        var tar = reader.read(TestArchives.balanced(3).writeTar(dir.resolve("link.tar.gz"), true,
                Map.of("images/extra.png", "/etc/shadow")));
        assertRefused(tar, "'images/extra.png' is a symbolic or hard link");
    }

    @Test
    void zipBombByCompressionRatioIsRefused() throws IOException {
        // 3 MiB of zeros deflate to a few KiB: far beyond the per-entry ratio cap once past its grace.
        byte[] incompressible = new byte[40_000];
        new java.util.Random(3).nextBytes(incompressible);
        TestArchives archive = TestArchives.balanced(3).entry("notes.bin", incompressible)
                .entry("images/bomb.png", new byte[3 << 20]);
        assertRefused(reader.read(archive.write(dir.resolve("bomb.zip"))), "x its compressed size: refused as a zip bomb");
    }

    @Test
    void zipBombByTotalExpansionIsRefused() throws IOException {
        // Each entry stays under the per-entry grace, together they expand far beyond 100x the archive.
        TestArchives archive = TestArchives.balanced(3);
        for (int i = 0; i < 30; i++) {
            archive.entry("padding/" + i + ".bin", new byte[900 * 1024]);
        }
        assertRefused(reader.read(archive.write(dir.resolve("wide-bomb.zip"))), "refused as a zip bomb");
    }

    @Test
    void gzipBombInATarIsRefusedByTheExpansionCap() throws IOException {
        TestArchives archive = TestArchives.balanced(3).entry("images/zeros.png", new byte[5 << 20]);
        assertRefused(reader.read(archive.writeTar(dir.resolve("bomb.tar.gz"), true, Map.of())),
                "refused as a zip bomb");
    }

    @Test
    void totalSizeCapOfTheInstallationHolds() throws IOException {
        var capped = new DatasetArchiveReader(blobs, 4 << 20, 4096L * 4096, 4_000, 2);
        assertRefused(capped.read(TestArchives.balanced(10).writeTar(dir.resolve("big.tar"), false, Map.of())),
                "expands to more than 4000 bytes");
    }

    @Test
    void decompressionBombImageIsRefusedBeforeDecoding() throws IOException {
        // A real PNG header that declares 100000 x 100000 pixels, with almost no data behind it.
        byte[] bomb = TestArchives.rgb(1).clone();
        writeInt(bomb, 16, 100_000);
        writeInt(bomb, 20, 100_000);
        TestArchives archive = TestArchives.balanced(25).entry("images/0.png", bomb);

        var result = reader.read(archive.write(dir.resolve("pixels.zip")));

        assertThat(result.report().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("images/0.png");
            assertThat(p.problem()).contains("declared size 100000x100000 exceeds");
        });
        assertThat(result.samples()).noneSatisfy(s -> assertThat(s.path()).isEqualTo("images/0.png"));
        assertThat(blobFiles()).doesNotContain(BlobStore.sha256(bomb));
    }

    @Test
    void textFilesNamedPngAreExcludedAndTooManyRejectTheArchive() throws IOException {
        TestArchives archive = TestArchives.balanced(3);
        for (int i = 0; i < 12; i += 2) {
            archive.entry("images/" + i + ".png", ("#!/bin/sh\nrm -rf / # " + i).getBytes(StandardCharsets.UTF_8));
        }
        var result = reader.read(archive.write(dir.resolve("fake.zip")));
        assertRefused(result, "6 of 12 rows are unusable");
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("not a PNG or JPEG image"));
    }

    @Test
    void oversizedEntryIsExcludedAndNamed() throws IOException {
        var small = new DatasetArchiveReader(blobs, 2_000, 4096L * 4096, 1L << 30, 2);
        TestArchives archive = TestArchives.balanced(25).entry("images/0.png", TestArchives.png(600, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB, java.awt.Color.RED));
        byte[] noisy = new byte[5_000];
        new java.util.Random(1).nextBytes(noisy);
        archive.entry("images/1.png", noisy);

        var result = small.read(archive.write(dir.resolve("oversize.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.report().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("images/0.png");
            assertThat(p.problem()).contains("larger than 2000 bytes");
            assertThat(p.count()).isEqualTo(2);
        });
        assertThat(result.samples()).hasSize(98);
    }

    private void assertRefused(DatasetArchiveReader.Result result, String why) throws IOException {
        assertThat(result.accepted()).isFalse();
        assertThat(result.samples()).isEmpty();
        assertThat(result.report().verdict()).isEqualTo("REJECTED");
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains(why));
        // Nothing outside the data folder; every blob stored is one this read brought in (so it is removed).
        assertThat(dir.getParent().resolve("evil.png")).doesNotExist();
        assertThat(Path.of("/tmp/evil.png")).doesNotExist();
        assertThat(Set.copyOf(result.newBlobs())).containsExactlyInAnyOrderElementsOf(blobFiles());
        result.newBlobs().forEach(blobs::delete);
        assertThat(blobFiles()).isEmpty();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.endsWith(".zip") && !p.endsWith(".tar") && !p.endsWith(".tar.gz"))
                    .filter(p -> !p.startsWith("data/blobs/"))).isEmpty();
        }
    }

    private List<String> blobFiles() throws IOException {
        Path root = dir.resolve("data/blobs");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toList());
        }
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
