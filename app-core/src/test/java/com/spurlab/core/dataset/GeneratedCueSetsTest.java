package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.cueset.ArchiveFormat;
import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.GeneratedCueSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sets of app-inference's generator pass SpurLab's real upload validation, in both layouts, with
 * nothing excluded, and the composition of a manifest shows its cue as a suspected one.
 */
class GeneratedCueSetsTest {

    @TempDir
    Path dir;
    private DatasetArchiveReader reader;

    @BeforeEach
    void setUp() {
        // Part of the test environment (./spurlab test installs it): missing, the test fails and says so, never skips.
        assertThat(CueSetGenerator.DEFAULT_SOURCE.resolve("train-images-idx3-ubyte.gz"))
                .as("Fashion-MNIST missing: install the Debian package dataset-fashion-mnist").isRegularFile();
        BlobStore blobs = new BlobStore(new StorageSettings(dir.resolve("data"), 1L << 32, 1 << 20, 4096L * 4096));
        reader = new DatasetArchiveReader(blobs, 1 << 20, 4096L * 4096, 1L << 30, 2);
    }

    private static CueSetSpec tiny(CueKind cue) {
        return CueSetSpec.of(cue, List.of(2, 4, 6)).withCounts(40, 10, 20).withImageSize(32).withTrainCueAgreement(0.9);
    }

    @Test
    void imageFolderZipIsReadyWithEveryImageUnderItsLabelAndNoAttribute() throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("words.zip"),
                tiny(CueKind.STAMPED_WORD).withImageSize(48).withFormat(ArchiveFormat.imageFolder()));

        var result = reader.read(set.archive());

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().format()).isEqualTo("image-folder");
        assertThat(result.report().problems()).isEmpty();
        assertThat(result.samples()).hasSize(set.samples().size());
        Map<String, CueSample> truth = set.samples().stream().collect(Collectors.toMap(CueSample::path, Function.identity()));
        assertThat(result.samples()).allSatisfy(s -> {
            CueSample expected = truth.get(s.path());
            assertThat(s.label()).isEqualTo(expected.labelName());
            assertThat(s.split()).isEqualTo(expected.split());
            assertThat(s.attributes()).isEmpty();
            assertThat(s.caption()).isNull();
            assertThat(s.maskHash()).isNull();
            assertThat(s.width()).isEqualTo(48);
        });
    }

    @Test
    void manifestZipIsReadyWithCaptionsMasksAndACueTheCompositionFlags() throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("background.zip"),
                tiny(CueKind.BACKGROUND));

        var result = reader.read(set.archive());

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().format()).isEqualTo("spurlab-manifest");
        assertThat(result.report().problems()).isEmpty();
        assertThat(result.samples()).hasSize(3 * (40 + 10 + 20)).allSatisfy(s -> {
            assertThat(s.maskHash()).isNotNull();
            assertThat(s.caption()).startsWith("a " + s.label() + " on a " + s.attributes().get("background"));
        });
        Composition composition = CompositionCalculator.of(result.samples().stream()
                .map(s -> new CompositionCalculator.Row(s.label(), s.split(), s.attributes())).toList());
        Composition.AttributeComposition background = composition.byAttribute().get("background");
        assertThat(background.suspectedCue()).isTrue();
        assertThat(background.counts().get("train").get("coat")).containsExactlyInAnyOrderEntriesOf(Map.of("cool", 36, "warm", 4));
        assertThat(background.counts().get("test").get("coat")).containsExactlyInAnyOrderEntriesOf(Map.of("cool", 10, "warm", 10));
    }

    @Test
    void manifestWithoutOptionalColumnsIsReadyToo() throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("cast.zip"),
                tiny(CueKind.COLOUR_CAST).withFormat(new ArchiveFormat(com.spurlab.inference.cueset.ArchiveLayout.MANIFEST,
                        false, false, true)));

        var result = reader.read(set.archive());

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().problems()).isEmpty();
        assertThat(result.samples()).allSatisfy(s -> {
            assertThat(s.caption()).isNull();
            assertThat(s.maskHash()).isNull();
            assertThat(s.attributes()).containsOnlyKeys("cast");
        });
    }
}
