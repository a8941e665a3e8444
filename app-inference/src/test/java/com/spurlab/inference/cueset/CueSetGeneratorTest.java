package com.spurlab.inference.cueset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator on tiny sets of every cue kind: counts, correlation, balance, layouts, determinism, reading back. */
class CueSetGeneratorTest {

    @TempDir
    static Path dir;
    static final Map<CueKind, GeneratedCueSet> SETS = new java.util.EnumMap<>(CueKind.class);
    /** The stamped-word set again, as image folders. */
    static GeneratedCueSet folders;

    static CueSetSpec tiny(CueKind cue) {
        return new CueSetSpec(List.of(5, 7, 9), cue, "SALE", Backdrop.DIM, 0.9, 40, 10, 20, cue == CueKind.STAMPED_WORD ? 64 : 32, 3L,
                ArchiveFormat.manifest());
    }

    @BeforeAll
    static void writeOneSetPerKind() throws IOException {
        com.spurlab.inference.demo.TinyDemo.requireFashionMnist();
        for (CueKind cue : CueKind.values()) {
            SETS.put(cue, CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve(cue + ".zip"), tiny(cue)));
        }
        folders = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("folders.zip"),
                tiny(CueKind.STAMPED_WORD).withFormat(ArchiveFormat.imageFolder()));
    }

    private static long count(GeneratedCueSet set, String split, String label, String value) {
        return set.samples(split).stream().filter(s -> s.labelName().equals(label) && s.cueValue().equals(value)).count();
    }

    @ParameterizedTest
    @EnumSource(CueKind.class)
    void trainingCueFollowsTheLabelAsSpecifiedAndValAndTestAreBalanced(CueKind cue) {
        GeneratedCueSet set = SETS.get(cue);
        List<String> values = cue.cueValues();
        assertThat(set.labels()).containsExactly("sandal", "sneaker", "ankle-boot");
        for (int position = 0; position < 3; position++) {
            String label = set.labels().get(position);
            String own = values.get(cue.ownValue(position));
            String other = values.get(1 - cue.ownValue(position));
            assertThat(count(set, "train", label, own)).as("%s train %s own", cue, label).isEqualTo(36);
            assertThat(count(set, "train", label, other)).as("%s train %s other", cue, label).isEqualTo(4);
            for (String split : List.of("val", "test")) {
                long half = split.equals("val") ? 5 : 10;
                assertThat(count(set, split, label, own)).as("%s %s %s own", cue, split, label).isEqualTo(half);
                assertThat(count(set, split, label, other)).as("%s %s %s other", cue, split, label).isEqualTo(half);
            }
        }
    }

    @Test
    void onlyTheFirstClassMostlyCarriesTheWord() {
        GeneratedCueSet set = SETS.get(CueKind.STAMPED_WORD);
        Map<String, Long> stampedInTrain = set.samples("train").stream().filter(s -> s.textBox() != null)
                .collect(Collectors.groupingBy(CueSample::labelName, Collectors.counting()));
        assertThat(stampedInTrain).containsExactlyInAnyOrderEntriesOf(Map.of("sandal", 36L, "sneaker", 4L, "ankle-boot", 4L));
        assertThat(set.samples()).allSatisfy(s -> {
            assertThat(s.textBox() != null).isEqualTo(s.cueValue().equals("stamped"));
            assertThat(s.word()).isEqualTo(s.textBox() == null ? null : "SALE");
        });
    }

    @Test
    void textBoxesLieInsideTheImageAndHoldTheInk() throws IOException {
        GeneratedCueSet set = SETS.get(CueKind.STAMPED_WORD);
        try (ZipFile zip = new ZipFile(set.archive().toFile())) {
            for (CueSample s : set.samples().stream().filter(s -> s.textBox() != null).toList()) {
                TextBox box = s.textBox();
                assertThat(box.x() + box.width()).as(s.sampleId()).isLessThanOrEqualTo(64);
                assertThat(box.y() + box.height()).as(s.sampleId()).isLessThanOrEqualTo(64);
                assertThat(box.height()).as("ink height of %s", s.sampleId()).isGreaterThanOrEqualTo(9);
                assertThat(box.width()).as("SALE is wider than high").isGreaterThan(box.height());
            }
            CueSample one = set.samples().stream().filter(s -> s.textBox() != null).findFirst().orElseThrow();
            assertThat(read(zip, one.path()).getWidth()).isEqualTo(64);
        }
    }

    @Test
    void manifestCarriesCaptionsMasksAndTheAttribute() throws IOException {
        for (CueKind cue : CueKind.values()) {
            GeneratedCueSet set = SETS.get(cue);
            try (ZipFile zip = new ZipFile(set.archive().toFile())) {
                String manifest = new String(zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes());
                List<String> lines = manifest.lines().toList();
                assertThat(lines.get(0)).isEqualTo("image,label,split,caption,mask,attr:" + cue.attribute());
                assertThat(lines).hasSize(1 + 3 * (40 + 10 + 20));
                CueSample first = set.samples().get(0);
                assertThat(lines.get(1)).isEqualTo(String.join(",", first.path(), first.labelName(), first.split(),
                        first.caption(), first.maskPath(), first.cueValue()));
                BufferedImage mask = read(zip, first.maskPath());
                assertThat(mask.getRaster().getNumBands()).isEqualTo(1);
            }
        }
        assertThat(SETS.get(CueKind.STAMPED_WORD).samples()).filteredOn(s -> s.textBox() != null)
                .allSatisfy(s -> assertThat(s.caption()).endsWith("with the word sale printed on it"));
        assertThat(SETS.get(CueKind.COLOUR_CAST).samples())
                .allSatisfy(s -> assertThat(s.caption()).endsWith("in " + s.cueValue() + " tones"));
    }

    @Test
    void imageFolderZipHoldsOnlyImagesUnderSplitAndLabel() throws IOException {
        GeneratedCueSet set = folders;
        try (ZipFile zip = new ZipFile(set.archive().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).hasSize(210).allMatch(n -> n.matches("(train|val|test)/(sandal|sneaker|ankle-boot)/\\1-\\d{5}\\.png"));
            for (String name : names.subList(0, 20)) {
                byte[] png = zip.getInputStream(zip.getEntry(name)).readAllBytes();
                // No text chunk that could name the cue.
                assertThat(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("tEXt", "iTXt", "zTXt");
            }
        }
        assertThat(set.samples()).allSatisfy(s -> assertThat(s.maskPath()).isNull());
        // Ids are shuffled: within a class, stamped and plain images are interleaved, not in two runs.
        List<String> sandalIds = set.samples("train").stream().filter(s -> s.label() == 0)
                .sorted(java.util.Comparator.comparing(CueSample::sampleId)).map(CueSample::cueValue).toList();
        assertThat(sandalIds.subList(0, 36)).contains("plain");
    }

    @Test
    void sameSpecGivesTheSameBytesAndAnotherSeedOtherImages() throws IOException {
        CueSetSpec spec = tiny(CueKind.TEXTURE).withCounts(10, 2, 2);
        Path a = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("a.zip"), spec).archive();
        Path b = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("b.zip"), spec).archive();
        Path c = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("c.zip"), spec.withSeed(4L)).archive();
        Path d = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("d.zip"), spec.withWord("X")
                .withBackdrop(Backdrop.BRIGHT)).archive();

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(d));
    }

    @Test
    void bothLayoutsReadBackIntoLabelledImagesWithGroupsAndTruth() throws IOException {
        GeneratedCueSet manifest = SETS.get(CueKind.STAMPED_WORD);

        CueSetSplits fromTruth = CueSetArchive.extract(folders, dir.resolve("unpacked-folders"));
        CueSetSplits fromManifest = CueSetArchive.extract(manifest.archive(), dir.resolve("unpacked-manifest"));

        for (CueSetSplits splits : List.of(fromTruth, fromManifest)) {
            assertThat(splits.classNames()).containsExactly("sandal", "sneaker", "ankle-boot");
            assertThat(splits.train()).hasSize(120);
            assertThat(splits.validation()).hasSize(30);
            assertThat(splits.test()).hasSize(60).allSatisfy(s -> {
                assertThat(s.imageFile()).isRegularFile();
                assertThat(s.group()).isEqualTo(splits.classNames().get(s.label()) + "|"
                        + splits.truthById().get(s.sampleId()).cueValue());
            });
            assertThat(splits.test().stream().map(s -> s.group()).distinct()).hasSize(6);
        }
        assertThat(fromManifest.truth()).isEqualTo(manifest.samples().stream()
                .map(s -> new CueSample(s.sampleId(), s.path(), s.split(), s.label(), s.labelName(), s.cueValue(), null, null,
                        s.maskPath(), s.caption())).toList());
    }

    @Test
    void counterfactualTwinDiffersFromTheOriginalOnlyInsideTheWord() throws IOException {
        GeneratedCueSet original = SETS.get(CueKind.STAMPED_WORD);
        GeneratedCueSet twin = CueSetGenerator.writeCounterfactual(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("twin.zip"),
                tiny(CueKind.STAMPED_WORD), "test");

        Map<String, CueSample> byId = original.samples("test").stream()
                .collect(Collectors.toMap(CueSample::sampleId, s -> s));
        assertThat(twin.samples()).hasSize(byId.size()).allSatisfy(t -> {
            CueSample o = byId.get(t.sampleId());
            assertThat(t.label()).isEqualTo(o.label());
            assertThat(t.cueValue()).isNotEqualTo(o.cueValue());
            assertThat(t.textBox() == null).isNotEqualTo(o.textBox() == null);
        });
        try (ZipFile a = new ZipFile(original.archive().toFile()); ZipFile b = new ZipFile(twin.archive().toFile())) {
            for (CueSample t : twin.samples().subList(0, 20)) {
                CueSample o = byId.get(t.sampleId());
                TextBox box = o.textBox() != null ? o.textBox() : t.textBox();
                BufferedImage x = read(a, o.path());
                BufferedImage y = read(b, t.path());
                int inside = 0;
                for (int py = 0; py < 64; py++) {
                    for (int px = 0; px < 64; px++) {
                        boolean same = x.getRGB(px, py) == y.getRGB(px, py);
                        assertThat(same || box.contains(px, py)).as("%s at %d,%d", t.sampleId(), px, py).isTrue();
                        inside += same ? 0 : 1;
                    }
                }
                assertThat(inside).as(t.sampleId()).isPositive();
            }
        }
    }

    @Test
    void castsTintTheWholeImage() throws IOException {
        GeneratedCueSet set = SETS.get(CueKind.COLOUR_CAST);
        try (ZipFile zip = new ZipFile(set.archive().toFile())) {
            for (CueSample s : set.samples("test").subList(0, 30)) {
                double[] mean = meanRgb(read(zip, s.path()));
                if (s.cueValue().equals("sepia")) {
                    assertThat(mean[0]).as("red over blue in sepia %s", s.sampleId()).isGreaterThan(mean[2] + 15);
                } else {
                    assertThat(mean[2]).as("blue over red in blue %s", s.sampleId()).isGreaterThan(mean[0] + 15);
                }
            }
        }
    }

    static double[] meanRgb(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        int n = image.getWidth() * image.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    static BufferedImage read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return ImageIO.read(in);
        }
    }
}
