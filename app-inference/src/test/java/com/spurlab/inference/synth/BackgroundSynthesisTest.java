package com.spurlab.inference.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.RegionMask;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RECOMBINE of a background cue on the shared generator's BACKGROUND_MASKS set (tiny: 150 training images per class,
 * 90 % of each class on its own background, 32 px, masks in the manifest).
 */
class BackgroundSynthesisTest {

    @TempDir
    static Path dir;
    static CueSetTrain set;
    static CueValues values;
    static SynthesisResult result;

    @BeforeAll
    static void synthesise() throws IOException {
        set = CueSetTrain.of(CueSetPreset.BACKGROUND_MASKS.tiny(), dir);
        values = CueValues.read(SynthesisCue.parse("attribute:background"), set.train(), null, null);
        result = new Synthesizer().run(SynthesisRequest.of("attribute:background"), set.splits().classNames(),
                set.train(), values, dir.resolve("out"), SegmentationSettings.defaults(), SynthesisProgress.NONE);
    }

    @Test
    void fillsTheTwoRareGroupsUpToTheirLabelsLargestGroup() {
        // 135 of each class on its own background, 15 on the other.
        assertThat(result.groupsBefore()).containsOnly(Map.entry("sandal|warm", 135), Map.entry("sandal|cool", 15),
                Map.entry("sneaker|warm", 15), Map.entry("sneaker|cool", 135));
        assertThat(result.groupsAfter().values()).containsOnly(135);
        assertThat(result.items()).hasSize(240);
        assertThat(result.fills()).filteredOn(f -> f.added() > 0).extracting(GroupFill::operation)
                .containsOnly("REPLACE_BACKGROUND");
    }

    @Test
    void everyNewImageKeepsItsSourcesForegroundOnADonorsBackgroundOfTheMissingValue() {
        Map<String, CueSample> truth = set.set().samples().stream()
                .collect(Collectors.toMap(CueSample::sampleId, s -> s));
        for (SynthesizedItem item : result.items()) {
            CueSample source = truth.get(item.sources().get(0));
            CueSample donor = truth.get(item.sources().get(1));
            assertThat(source.label()).isEqualTo(item.label());
            assertThat(source.cueValue()).isNotEqualTo(item.value());
            assertThat(donor.cueValue()).isEqualTo(item.value());
            assertThat(item.group()).isEqualTo(source.labelName() + "|" + item.value());
            // Warm backgrounds are red/orange, cool ones blue/cyan: the new background has the missing value's colour.
            BufferedImage image = ImageFiles.readRgb(item.imageFile());
            RegionMask foreground = RegionMask.read(item.maskFile());
            assertThat(warmth(image, foreground) > 0).as(item.toString()).isEqualTo(item.value().equals("warm"));
        }
    }

    @Test
    void theBackgroundNoLongerPredictsTheLabelInTheEnlargedTrainingSplit() {
        // Counted from the generator's truth for the real images and from the pixels of the new ones (the colour of
        // their background), not from the engine's own bookkeeping.
        Map<String, Integer> before = new TreeMap<>();
        set.set().samples("train").forEach(s -> before.merge(s.labelName() + "|" + s.cueValue(), 1, Integer::sum));
        Map<String, Integer> after = new TreeMap<>(before);
        for (SynthesizedItem item : result.items()) {
            boolean warm = warmth(ImageFiles.readRgb(item.imageFile()), RegionMask.read(item.maskFile())) > 0;
            after.merge(set.splits().classNames().get(item.label()) + "|" + (warm ? "warm" : "cool"), 1, Integer::sum);
        }
        double v0 = cramersV(before);
        double v1 = cramersV(after);
        System.out.printf("Cramér's V of background and label in train: %.3f before, %.3f after%n", v0, v1);
        assertThat(v0).isGreaterThan(0.7);
        assertThat(v1).isLessThan(0.1);
    }

    @Test
    void theMaskOfANewImageIsItsSourcesMaskMovedWithTheAugmentation() {
        for (SynthesizedItem item : result.items().subList(0, 40)) {
            RegionMask source = RegionMask.read(set.root().resolve(set.truth(item.sourceSampleId()).maskPath()));
            Augmentation.Draw draw = drawOf(item.augmentation());
            RegionMask expected = RegionMask.of(source.width(), source.height(),
                    Augmentation.applyGeometry(draw, source.pixels(), source.width(), source.height()));
            assertThat(RegionMask.read(item.maskFile())).as(item.augmentation()).isEqualTo(expected);
        }
    }

    @Test
    void theSameSeedMakesTheSameImagesAndAnotherSeedOthers() throws IOException {
        SynthesisRequest small = SynthesisRequest.of("attribute:background").withMaxAdded(12);
        SynthesisResult a = new Synthesizer().run(small, set.splits().classNames(), set.train(), values,
                dir.resolve("a"), SegmentationSettings.defaults(), null);
        SynthesisResult b = new Synthesizer().run(small, set.splits().classNames(), set.train(), values,
                dir.resolve("b"), SegmentationSettings.defaults(), null);
        SynthesisResult c = new Synthesizer().run(small.withSeed(7), set.splits().classNames(), set.train(), values,
                dir.resolve("c"), SegmentationSettings.defaults(), null);
        for (int i = 0; i < 12; i++) {
            assertThat(Files.readAllBytes(a.items().get(i).imageFile()))
                    .isEqualTo(Files.readAllBytes(b.items().get(i).imageFile()));
            assertThat(a.items().get(i).sources()).isEqualTo(b.items().get(i).sources());
        }
        assertThat(a.items().stream().map(SynthesizedItem::sources).toList())
                .isNotEqualTo(c.items().stream().map(SynthesizedItem::sources).toList());
    }

    @Test
    void withAugmentationNoNewImageIsANearCopy() {
        assertThat(result.nearDuplicates()).isLessThan(0.02);
    }

    @Test
    void theTargetFolderMayNotHoldTheSources() {
        Path trap = dir.resolve("trap");
        List<EditSample> train = new ArrayList<>(set.train());
        EditSample first = train.get(0);
        train.set(0, new EditSample(first.sampleId(), "train", trap.resolve("added").resolve("x.png"), first.label(), null,
                null, null, first.attributes()));
        assertThatThrownBy(() -> new Synthesizer().run(SynthesisRequest.of("attribute:background"),
                set.splits().classNames(), train, values, trap, SegmentationSettings.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sources are never written");
    }

    /** Cramér's V of label against value from {@code "<label>|<value>"} counts: sqrt(χ² / (n (min(r, c) − 1))). */
    static double cramersV(Map<String, Integer> groups) {
        List<String> labels = groups.keySet().stream().map(g -> g.substring(0, g.lastIndexOf('|'))).distinct().toList();
        List<String> values = groups.keySet().stream().map(g -> g.substring(g.lastIndexOf('|') + 1)).distinct().toList();
        double n = groups.values().stream().mapToInt(Integer::intValue).sum();
        double chi = 0;
        for (String l : labels) {
            double row = groups.entrySet().stream().filter(e -> e.getKey().startsWith(l + "|"))
                    .mapToInt(Map.Entry::getValue).sum();
            for (String v : values) {
                double column = groups.entrySet().stream().filter(e -> e.getKey().endsWith("|" + v))
                        .mapToInt(Map.Entry::getValue).sum();
                double expected = row * column / n;
                double observed = groups.getOrDefault(l + "|" + v, 0);
                chi += (observed - expected) * (observed - expected) / expected;
            }
        }
        return Math.sqrt(chi / (n * (Math.min(labels.size(), values.size()) - 1)));
    }

    /** Mean red minus blue over the background: positive on a warm background. */
    private static double warmth(BufferedImage image, RegionMask foreground) {
        double sum = 0;
        int n = 0;
        RegionMask background = foreground.dilated(1).inverted();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (background.contains(x, y)) {
                    int rgb = image.getRGB(x, y);
                    sum += ((rgb >> 16) & 0xFF) - (rgb & 0xFF);
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** The draw back from its text form ({@code flip,shift=2/-1,...}); jitter does not move pixels. */
    private static Augmentation.Draw drawOf(String text) {
        boolean flip = false;
        int dx = 0;
        int dy = 0;
        for (String part : List.of(text.split(","))) {
            if (part.equals("flip")) {
                flip = true;
            } else if (part.startsWith("shift=")) {
                String[] d = part.substring(6).split("/");
                dx = Integer.parseInt(d[0]);
                dy = Integer.parseInt(d[1]);
            }
        }
        return new Augmentation.Draw(flip, dx, dy, false, 0, 1);
    }
}
