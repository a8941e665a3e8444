package com.spurlab.inference.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpuriousFashionMnistTest {

    @TempDir
    static Path dir;
    static DemoSummary summary;
    static List<String> header;
    static List<List<String>> rows;

    @BeforeAll
    static void writeTinySet() throws IOException {
        TinyDemo.requireFashionMnist();
        summary = SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, dir.resolve("out/tiny.zip"), DemoSpec.tiny());
        try (ZipFile zip = new ZipFile(summary.archive().toFile());
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        zip.getInputStream(zip.getEntry("manifest.csv")), StandardCharsets.UTF_8))) {
            List<List<String>> lines = in.lines().map(l -> Arrays.asList(l.split(",", -1))).toList();
            header = lines.get(0);
            rows = lines.subList(1, lines.size());
        }
    }

    private static long count(Predicate<List<String>> filter) {
        return rows.stream().filter(filter).count();
    }

    @Test
    void summaryDescribesTheArchive() {
        assertThat(summary.archive()).exists();
        assertThat(summary.images()).isEqualTo(2 * (100 + 30 + 40));
        assertThat(summary.labels()).containsExactly("t-shirt", "dress");
        assertThat(summary.attribute()).isEqualTo("background");
        assertThat(summary.attributeValues()).containsExactly("warm", "cool");
        assertThat(dir.resolve("out")).isDirectoryNotContaining(p -> p.toString().endsWith(".part"));
    }

    @Test
    void manifestHasTheSpurLabColumnsAndReadableCaptions() {
        assertThat(header).containsExactly("image", "label", "split", "caption", "mask", "attr:background");
        assertThat(rows).hasSize(340).allSatisfy(r -> {
            assertThat(r).hasSize(6);
            assertThat(r.get(3)).matches("a " + r.get(1) + " on a " + r.get(5) + " (striped|dotted|checked) background");
            assertThat(r.get(0)).startsWith("images/" + r.get(2) + "/");
            assertThat(r.get(4)).startsWith("masks/" + r.get(2) + "/");
        });
        assertThat(rows.stream().map(r -> r.get(0)).distinct()).hasSize(340);
    }

    @Test
    void countsPerSplitAndLabelFollowTheSpec() {
        Map<String, Long> perSplitLabel = rows.stream().collect(Collectors.groupingBy(r -> r.get(2) + "/" + r.get(1),
                Collectors.counting()));
        assertThat(perSplitLabel).containsExactlyInAnyOrderEntriesOf(Map.of(
                "train/t-shirt", 100L, "train/dress", 100L, "val/t-shirt", 30L, "val/dress", 30L,
                "test/t-shirt", 40L, "test/dress", 40L));
    }

    @Test
    void backgroundAgreesWithLabelInTrainingAndIsBalancedInValAndTest() {
        // Class 0 (t-shirt) owns "warm", class 1 (dress) owns "cool"; tiny() asks for 90 % agreement.
        assertThat(count(r -> r.get(2).equals("train") && r.get(1).equals("t-shirt") && r.get(5).equals("warm"))).isEqualTo(90);
        assertThat(count(r -> r.get(2).equals("train") && r.get(1).equals("dress") && r.get(5).equals("cool"))).isEqualTo(90);
        for (String split : List.of("val", "test")) {
            long perLabel = split.equals("val") ? 30 : 40;
            for (String label : List.of("t-shirt", "dress")) {
                assertThat(count(r -> r.get(2).equals(split) && r.get(1).equals(label) && r.get(5).equals("warm")))
                        .as("%s %s warm", split, label).isEqualTo(perLabel / 2);
            }
        }
    }

    @Test
    void imagesAreRgbAndMasksSingleChannelOfTheSameSizeCoveringTheGarment() throws IOException {
        try (ZipFile zip = new ZipFile(summary.archive().toFile())) {
            for (List<String> row : everyTenth()) {
                BufferedImage image = read(zip, row.get(0));
                BufferedImage mask = read(zip, row.get(4));
                assertThat(image.getWidth()).isEqualTo(32);
                assertThat(image.getHeight()).isEqualTo(32);
                assertThat(image.getColorModel().getNumComponents()).isEqualTo(3);
                assertThat(mask.getWidth()).isEqualTo(image.getWidth());
                assertThat(mask.getHeight()).isEqualTo(image.getHeight());
                assertThat(mask.getRaster().getNumBands()).isEqualTo(1);
                int[] values = mask.getRaster().getPixels(0, 0, 32, 32, (int[]) null);
                long foreground = Arrays.stream(values).filter(v -> v > 0).count();
                // A garment covers a good part of the image but never all of it.
                assertThat(foreground).as(row.get(4)).isBetween(40L, 32L * 32 - 40);
            }
        }
    }

    @Test
    void warmAndCoolBackgroundsDifferInColour() throws IOException {
        try (ZipFile zip = new ZipFile(summary.archive().toFile())) {
            List<String> row = rows.stream().filter(r -> r.get(5).equals("warm")).findFirst().orElseThrow();
            int corner = read(zip, row.get(0)).getRGB(0, 0);
            assertThat((corner >> 16) & 0xFF).as("red over blue in a warm corner").isGreaterThan(corner & 0xFF);
            row = rows.stream().filter(r -> r.get(5).equals("cool")).findFirst().orElseThrow();
            corner = read(zip, row.get(0)).getRGB(0, 0);
            assertThat(corner & 0xFF).as("blue over red in a cool corner").isGreaterThan((corner >> 16) & 0xFF);
        }
    }

    @Test
    void unpackedArchiveGivesLabelledImagesGroupedByLabelAndBackground() throws IOException {
        DemoSplits splits = DemoArchive.extract(summary.archive(), dir.resolve("unpacked"));

        assertThat(splits.classNames()).containsExactly("t-shirt", "dress");
        assertThat(splits.train()).hasSize(200);
        assertThat(splits.validation()).hasSize(60);
        assertThat(splits.test()).hasSize(80);
        assertThat(splits.test()).allSatisfy(s -> {
            assertThat(s.imageFile()).exists();
            assertThat(s.group()).matches(splits.classNames().get(s.label()) + "\\|(warm|cool)");
        });
    }

    private static List<List<String>> everyTenth() {
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % 10 == 0).mapToObj(rows::get).toList();
    }

    private static BufferedImage read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return ImageIO.read(in);
        }
    }
}
