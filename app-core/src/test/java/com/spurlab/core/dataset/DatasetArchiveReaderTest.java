package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetArchiveReaderTest {

    @TempDir
    Path dir;
    private BlobStore blobs;
    private DatasetArchiveReader reader;

    @BeforeEach
    void setUp() {
        blobs = new BlobStore(new StorageSettings(dir.resolve("data"), 1L << 32, 1 << 20, 4096L * 4096));
        reader = new DatasetArchiveReader(blobs, 1 << 20, 4096L * 4096);
    }

    @Test
    void acceptsAValidArchiveAndStoresEachImageOnce() throws IOException {
        var result = reader.read(TestArchives.balanced(10).write(dir.resolve("ok.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.report().rows()).isEqualTo(40);
        assertThat(result.samples()).hasSize(40);
        assertThat(result.samples().get(0).attributes()).containsEntry("bg", "warm");
        assertThat(result.samples().get(0).caption()).isEqualTo("a coat, on warm");
        assertThat(result.samples()).allSatisfy(s -> assertThat(Files.exists(blobs.path(s.imageHash()))).isTrue());
        assertThat(result.newBlobs()).hasSize(40);
    }

    @Test
    void excludesAFewBadRowsWithWarningsAndNamesThem() throws IOException {
        TestArchives archive = TestArchives.balanced(25);
        String manifest = new String(archive.get("manifest.csv"), StandardCharsets.UTF_8)
                + "../../etc/passwd,coat,train,,warm\n" + "fake.png,coat,train,,warm\n";
        archive.entry("fake.png", "not an image at all".getBytes(StandardCharsets.UTF_8)).manifest(manifest);

        var result = reader.read(archive.write(dir.resolve("few-bad.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.samples()).hasSize(100);
        assertThat(result.report().problems()).extracting(ValidationReport.Problem::problem)
                .anySatisfy(p -> assertThat(p).contains("without '..'"))
                .anySatisfy(p -> assertThat(p).contains("not a PNG or JPEG"));
        assertThat(result.report().problems()).extracting(ValidationReport.Problem::line).contains(102, 103);
        // Each problem names its files and says what to change, in plain words.
        assertThat(result.report().problems()).filteredOn(p -> p.problem().contains("not a PNG or JPEG"))
                .singleElement().satisfies(p -> {
                    assertThat(p.files()).containsExactly("fake.png");
                    assertThat(p.fix()).startsWith("Re-save the image as PNG or JPEG");
                });
        assertThat(result.report().problems()).filteredOn(p -> p.problem().contains("without '..'"))
                .singleElement().satisfies(p -> assertThat(p.fix()).contains("relative to the archive root"));
    }

    @Test
    void aProblemInManyRowsNamesItsFirstTenFiles() throws IOException {
        TestArchives archive = TestArchives.balanced(25);
        StringBuilder manifest = new StringBuilder(new String(archive.get("manifest.csv"), StandardCharsets.UTF_8));
        for (int i = 0; i < 12; i++) {
            manifest.append("gone-").append(i).append(".png,coat,train,,warm\n");
        }
        archive.manifest(manifest.toString());

        var result = reader.read(archive.write(dir.resolve("missing.zip")));

        ValidationReport.Problem missing = result.report().problems().stream()
                .filter(p -> p.problem().contains("not in the archive")).findFirst().orElseThrow();
        assertThat(missing.count()).isEqualTo(12);
        assertThat(missing.files()).hasSize(ValidationReport.Problem.FILES_NAMED).startsWith("gone-0.png", "gone-1.png");
        assertThat(missing.fix()).startsWith("Add the file to the archive");
    }

    @Test
    void rejectsAnArchiveWithManyBadRows() throws IOException {
        StringBuilder csv = new StringBuilder("image,label,split\n");
        for (int i = 0; i < 10; i++) {
            csv.append("missing").append(i).append(".png,coat,train\n");
        }
        var result = reader.read(new TestArchives().manifest(csv.toString()).write(dir.resolve("bad.zip")));

        assertThat(result.accepted()).isFalse();
        assertThat(result.report().verdict()).isEqualTo("REJECTED");
        assertThat(result.samples()).isEmpty();
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("10 of 10 rows"));
    }

    @Test
    void rejectsAnArchiveWithoutManifestOrRequiredColumns() throws IOException {
        var none = reader.read(new TestArchives().entry("a.png", TestArchives.rgb(1)).write(dir.resolve("none.zip")));
        assertThat(none.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("no manifest.csv"));

        var columns = reader.read(new TestArchives().manifest("file,class\na.png,coat\n").write(dir.resolve("cols.zip")));
        assertThat(columns.accepted()).isFalse();
        assertThat(columns.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("[image, label, split]"));
    }

    @Test
    void rejectsAFileThatIsNotAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.zip"), "just text");
        var result = reader.read(file);
        assertThat(result.accepted()).isFalse();
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("not a readable zip"));
    }

    @Test
    void flagsLeakageBetweenSplitsAndChecksMasks() throws IOException {
        TestArchives archive = TestArchives.balanced(25);
        byte[] leaked = TestArchives.rgb(0);
        byte[] grey = TestArchives.png(16, 16, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE);
        byte[] wrongSize = TestArchives.png(8, 8, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE);
        String manifest = new String(archive.get("manifest.csv"), StandardCharsets.UTF_8)
                .replace("image,label,split,caption,attr:bg", "image,label,split,caption,attr:bg,mask")
                .replaceAll("(?m)^(images/.*)$", "$1,")
                + "leak.png,coat,test,,warm,\n" + "images/1.png,coat,train,,warm,\n";
        archive.entry("leak.png", leaked).entry("m/ok.png", grey).entry("m/small.png", wrongSize)
                .manifest(manifest.replace("images/2.png,coat,train,\"a coat, on warm\",warm,",
                        "images/2.png,coat,train,\"a coat, on warm\",warm,m/ok.png")
                        .replace("images/3.png,coat,train,\"a coat, on warm\",warm,",
                                "images/3.png,coat,train,\"a coat, on warm\",warm,m/small.png"));

        var result = reader.read(archive.write(dir.resolve("leak.zip")));

        assertThat(result.report().problems()).extracting(ValidationReport.Problem::problem)
                .anySatisfy(p -> assertThat(p).contains("leakage"))
                .anySatisfy(p -> assertThat(p).contains("duplicate image within train"))
                .anySatisfy(p -> assertThat(p).contains("mask is 8x8 but its image is 16x16"));
        assertThat(result.samples()).filteredOn(s -> s.path().equals("images/2.png")).singleElement()
                .satisfies(s -> assertThat(s.maskHash()).isNotNull());
        assertThat(result.samples()).hasSize(99);
    }

    @Test
    void readsAManifestWithByteOrderMarkInsideATopLevelFolder() throws IOException {
        TestArchives archive = new TestArchives();
        StringBuilder csv = new StringBuilder("\uFEFFimage,label,split\n");
        for (int i = 0; i < 8; i++) {
            String label = i % 2 == 0 ? "coat" : "dress";
            archive.entry("pilot/img" + i + ".png", TestArchives.rgb(i + 100));
            csv.append("img").append(i).append(".png,").append(label).append(',').append(i < 4 ? "train" : "test")
                    .append('\n');
        }
        archive.entry("pilot/manifest.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        var result = reader.read(archive.write(dir.resolve("folder.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.samples()).hasSize(8);
    }

    @Test
    void refusesImagesThatDeclareHugeDimensions() throws IOException {
        var small = new DatasetArchiveReader(blobs, 1 << 20, 100);
        var result = small.read(TestArchives.balanced(5).write(dir.resolve("bomb.zip")));
        assertThat(result.accepted()).isFalse();
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("exceeds 100 pixels"));
        // Refused on the header, before anything is stored: the blob store never even made its folder.
        assertThat(result.newBlobs()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    /** A 64 px scene of random coloured shapes, different for every seed. */
    private static BufferedImage scene(long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(0, 0, 64, 64);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(48), random.nextInt(48), 8 + random.nextInt(24), 8 + random.nextInt(24));
        }
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void reportsAReEncodedAndAResizedCopyOfATrainingImageInTestAsNearDuplicates() throws IOException {
        TestArchives archive = new TestArchives();
        StringBuilder csv = new StringBuilder("image,label,split\n");
        for (int i = 0; i < 16; i++) {
            archive.entry("train/" + i + ".png", encode(scene(i), "png"));
            csv.append("train/").append(i).append(".png,").append(i % 2 == 0 ? "coat" : "dress").append(",train\n");
        }
        for (int i = 100; i < 106; i++) {
            archive.entry("test/" + i + ".png", encode(scene(i), "png"));
            csv.append("test/").append(i).append(".png,").append(i % 2 == 0 ? "coat" : "dress").append(",test\n");
        }
        archive.entry("test/copy.jpg", encode(scene(3), "jpeg"));
        BufferedImage smaller = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        var g = smaller.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(scene(8), 0, 0, 48, 48, null);
        g.dispose();
        archive.entry("test/resized.png", encode(smaller, "png"));
        csv.append("test/copy.jpg,dress,test\ntest/resized.png,coat,test\n");
        archive.manifest(csv.toString());

        var result = reader.read(archive.write(dir.resolve("leaky.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.samples()).hasSize(24);
        assertThat(result.report().nearDuplicates()).extracting(ValidationReport.NearDuplicate::image,
                        ValidationReport.NearDuplicate::lookalike)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("train/3.png", "test/copy.jpg"),
                        org.assertj.core.groups.Tuple.tuple("train/8.png", "test/resized.png"));
        assertThat(result.report().nearDuplicates()).allSatisfy(d -> assertThat(d.distance())
                .isLessThanOrEqualTo(PerceptualHash.NEAR));
        assertThat(result.report().problems()).filteredOn(p -> p.problem().startsWith("looks like")).singleElement()
                .satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(ValidationReport.Severity.WARNING);
                    assertThat(p.count()).isEqualTo(2);
                    assertThat(p.problem()).contains("leaks between splits");
                });
    }

    @Test
    void flatImagesOfDifferentColoursAreNotNearDuplicatesThoughTheirShapesHashAlike() {
        PerceptualHash red = PerceptualHash.of(flat(Color.RED));
        PerceptualHash blue = PerceptualHash.of(flat(Color.BLUE));

        assertThat(red.distance(blue)).isLessThanOrEqualTo(PerceptualHash.NEAR);
        assertThat(red.near(blue)).isFalse();
        assertThat(red.near(PerceptualHash.of(flat(Color.RED)))).isTrue();
        assertThat(PerceptualHash.of(scene(1)).distance(PerceptualHash.of(scene(2)))).isGreaterThan(PerceptualHash.NEAR);
    }

    private static BufferedImage flat(Color colour) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        return image;
    }

    @Test
    void aFailingBlobStoreFailsTheReadInsteadOfBlamingTheArchive() throws IOException {
        BlobStore full = new BlobStore(new StorageSettings(dir.resolve("full"), 1L << 32, 1 << 20, 4096L * 4096)) {
            @Override
            public boolean putIfAbsent(String hash, byte[] bytes) {
                throw new java.io.UncheckedIOException("cannot store blob " + hash,
                        new IOException("No space left on device"));
            }
        };
        Path archive = TestArchives.balanced(5).write(dir.resolve("ok.zip"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DatasetArchiveReader(full, 1 << 20, 4096L * 4096).read(archive))
                .isInstanceOf(java.io.UncheckedIOException.class).hasRootCauseMessage("No space left on device");
    }
}
