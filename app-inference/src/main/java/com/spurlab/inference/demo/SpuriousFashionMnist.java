package com.spurlab.inference.demo;

import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.GeneratedCueSet;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The demo dataset: real Fashion-MNIST garments on warm or cool backgrounds, where in training
 * the background agrees with the label far more often than chance. A model that learns the
 * background instead of the garment fails on the minority groups of the balanced test split.
 * It is the generator's background-cue set ({@link com.spurlab.inference.cueset.CueSetPreset#DEMO}).
 */
public final class SpuriousFashionMnist {

    public static final Path DEFAULT_SOURCE = CueSetGenerator.DEFAULT_SOURCE;
    /** The attribute column is {@code attr:background}. */
    public static final String ATTRIBUTE = "background";

    private SpuriousFashionMnist() {
    }

    /**
     * Builds the dataset and writes it as a SpurLab manifest zip: {@code manifest.csv} first (header
     * {@code image,label,split,caption,mask,attr:background}), then {@code images/<split>/<id>.png}
     * (RGB) and {@code masks/<split>/<id>.png} (grey, 255 where the garment is). Train and val come
     * from Fashion-MNIST's training file, test from its test file. Class i's own background is
     * {@code warm} for even i and {@code cool} for odd i. The zip appears at {@code outZip} only when complete.
     *
     * @throws IOException when a Fashion-MNIST file is missing or damaged, or the zip cannot be written
     */
    public static DemoSummary write(Path fashionMnistDir, Path outZip, DemoSpec spec) throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(fashionMnistDir, outZip, spec.toCueSetSpec());
        return new DemoSummary(outZip, set.samples().size(), set.labels(), set.attribute(), set.attributeValues());
    }
}
