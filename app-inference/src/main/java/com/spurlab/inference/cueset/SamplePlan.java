package com.spurlab.inference.cueset;

import com.spurlab.inference.cueset.SceneRenderer.Texture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chooses, before any pixel is drawn, which garment goes to which split with which cue value. Train
 * and val come from Fashion-MNIST's training file, test from its test file; the cue counts are exact
 * (rounded), not drawn, so a spec's agreement is what the set holds.
 */
final class SamplePlan {

    /** One planned sample; {@code cueValue} indexes {@link CueKind#cueValues()}. */
    record Planned(String id, String split, int position, int sourceIndex, int cueValue, Texture nuisance,
            long renderSeed) {

        /** The same sample with the other cue value. */
        Planned flipped() {
            return new Planned(id, split, position, sourceIndex, 1 - cueValue, nuisance, renderSeed);
        }
    }

    static final List<String> SPLITS = List.of("train", "val", "test");

    private SamplePlan() {
    }

    /**
     * Samples in split order, within a split by class, within a class own cue value first. Ids are
     * {@code <split>-<nnnnn>} in a shuffled order so that neither the label nor the cue can be read
     * from a file name.
     */
    static List<Planned> plan(CueSetSpec spec, byte[] trainLabels, byte[] testLabels) throws IOException {
        Random random = new Random(spec.seed());
        List<List<Planned>> bySplit = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        CueKind cue = spec.cue();
        for (int position = 0; position < spec.fashionClasses().size(); position++) {
            int fashionClass = spec.fashionClasses().get(position);
            List<Integer> trainPool = shuffledIndicesOf(trainLabels, fashionClass, random);
            List<Integer> testPool = shuffledIndicesOf(testLabels, fashionClass, random);
            if (trainPool.size() < spec.trainPerClass() + spec.valPerClass() || testPool.size() < spec.testPerClass()) {
                throw new IOException("Fashion-MNIST class " + fashionClass + " has too few images for " + spec);
            }
            int train = spec.trainPerClass();
            int own = cue.ownValue(position);
            add(bySplit.get(0), "train", position, own, trainPool.subList(0, train),
                    (int) Math.round(train * spec.trainCueAgreement()), random);
            add(bySplit.get(1), "val", position, own, trainPool.subList(train, train + spec.valPerClass()),
                    spec.valPerClass() / 2, random);
            add(bySplit.get(2), "test", position, own, testPool.subList(0, spec.testPerClass()), spec.testPerClass() / 2,
                    random);
        }
        List<Planned> all = new ArrayList<>();
        Random names = new Random(spec.seed() ^ 0x9E3779B97F4A7C15L);
        for (int s = 0; s < SPLITS.size(); s++) {
            List<Planned> split = bySplit.get(s);
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < split.size(); i++) {
                numbers.add(i);
            }
            Collections.shuffle(numbers, names);
            for (int i = 0; i < split.size(); i++) {
                Planned p = split.get(i);
                all.add(new Planned(String.format("%s-%05d", SPLITS.get(s), numbers.get(i)), p.split(), p.position(),
                        p.sourceIndex(), p.cueValue(), p.nuisance(), p.renderSeed()));
            }
        }
        return all;
    }

    /** The first {@code ownCount} sources show the class's own cue value; the pool is already shuffled. */
    private static void add(List<Planned> rows, String split, int position, int own, List<Integer> sources, int ownCount,
            Random random) {
        for (int i = 0; i < sources.size(); i++) {
            Texture nuisance = Texture.values()[random.nextInt(Texture.values().length)];
            rows.add(new Planned(null, split, position, sources.get(i), i < ownCount ? own : 1 - own, nuisance,
                    random.nextLong()));
        }
    }

    private static List<Integer> shuffledIndicesOf(byte[] labels, int fashionClass, Random random) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == fashionClass) {
                indices.add(i);
            }
        }
        Collections.shuffle(indices, random);
        return indices;
    }

    static Set<Integer> sources(List<Planned> rows, boolean testFile) {
        Set<Integer> sources = new HashSet<>();
        rows.stream().filter(r -> "test".equals(r.split()) == testFile).forEach(r -> sources.add(r.sourceIndex()));
        return sources;
    }
}
