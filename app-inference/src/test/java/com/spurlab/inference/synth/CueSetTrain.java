package com.spurlab.inference.synth;

import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.TextBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a generated cue set's training split as the SYNTHESIZE step hands it over (a manifest's attribute
 * and masks; nothing for image folders), with the ground truth (cue values, the stamped word's true boxes).
 */
record CueSetTrain(GeneratedCueSet set, CueSetSplits splits, Path root, List<EditSample> train) {

    static CueSetTrain of(CueSetSpec spec, Path dir) throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("set.zip"), spec);
        Path root = dir.resolve("set");
        CueSetSplits splits = CueSetArchive.extract(set, root);
        boolean word = spec.cue() == CueKind.STAMPED_WORD;
        List<EditSample> train = set.samples("train").stream().map(s -> new EditSample(s.sampleId(), s.split(),
                root.resolve(s.path()), s.label(), null, s.maskPath() == null ? null : root.resolve(s.maskPath()),
                s.caption(), word ? Map.of() : Map.of(set.attribute(), s.cueValue()))).toList();
        return new CueSetTrain(set, splits, root, train);
    }

    CueSample truth(String sampleId) {
        return set.samples().stream().filter(s -> s.sampleId().equals(sampleId)).findFirst().orElseThrow();
    }

    /** A stamped word's values and boxes as the generator knows them (what OCR would find). */
    CueValues trueWordValues() {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<TextBox>> boxes = new LinkedHashMap<>();
        for (CueSample s : set.samples("train")) {
            values.put(s.sampleId(), s.textBox() == null ? SynthesisCue.NO : SynthesisCue.YES);
            if (s.textBox() != null) {
                boxes.put(s.sampleId(), List.of(new TextBox(s.sampleId(), s.word(), s.textBox().x(), s.textBox().y(),
                        s.textBox().width(), s.textBox().height())));
            }
        }
        return CueValues.of(SynthesisCue.parse("text:" + set.spec().word()), values, boxes);
    }
}
