package com.spurlab.inference.edit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.edit.mask.TextBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a generated cue set (the shared testsets generator) unpacked, as the EDIT step hands
 * samples over, with its ground truth: the cue attribute, manifest masks when the set has them, and
 * the stamped word's true boxes.
 */
record CueSetSamples(GeneratedCueSet set, CueSetSplits splits, Path root, List<EditSample> samples) {

    static CueSetSamples of(CueSetSpec spec, Path dir) throws IOException {
        assumeTrue(Files.isDirectory(CueSetGenerator.DEFAULT_SOURCE),
                "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("set.zip"), spec);
        Path root = dir.resolve("set");
        CueSetSplits splits = CueSetArchive.extract(set, root);
        List<EditSample> samples = new ArrayList<>();
        for (CueSample s : set.samples()) {
            samples.add(new EditSample(s.sampleId(), s.split(), root.resolve(s.path()), s.label(), s.group(),
                    s.maskPath() == null ? null : root.resolve(s.maskPath()), null, Map.of(set.attribute(), s.cueValue())));
        }
        return new CueSetSamples(set, splits, root, samples);
    }

    /** The stamped words' true boxes, as EXTRACT's OCR would hand them over. */
    List<TextBox> trueBoxes() {
        return set.samples().stream().filter(s -> s.textBox() != null).map(s -> new TextBox(s.sampleId(), s.word(),
                s.textBox().x(), s.textBox().y(), s.textBox().width(), s.textBox().height())).toList();
    }

    List<EditSample> split(String split) {
        return samples.stream().filter(s -> s.split().equals(split)).toList();
    }
}
