package com.spurlab.inference.audit;

import com.spurlab.inference.data.PixelBox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which samples make up the four concept sets of one association test, before any edit.
 *
 * <p>Every (label, cue value) stratum of the split is shuffled with the seed and halved: the first half may serve
 * in a target set, the second in an attribute set, so no image (or its edit) is in both. Each set takes as many
 * samples from each of its two strata as the smaller holds (see {@link ConceptDesign} for which strata). A plain
 * sample in an attribute set of {@link ConceptDesign#ISOLATED_CONCEPTS} borrows the boxes of the other attribute
 * set's stamped samples in turn, so stamped and plain crops are cut at the same places.
 *
 * @param design      which sets these are
 * @param labelX      the first label
 * @param labelY      the second label
 * @param valueA      the cue value that goes with {@code labelX} in training (see {@link #plan})
 * @param valueB      the cue value that goes with {@code labelY}
 * @param orientation how the values were paired with the labels, in words
 * @param trained     true when that pairing comes from the training split's counts
 */
record ConceptSetPlan(ConceptDesign design, String labelX, String labelY, String valueA, String valueB,
        String orientation, boolean trained, List<ConceptSource> x, List<ConceptSource> y, List<ConceptSource> a,
        List<ConceptSource> b) {

    /** At most this many label pairs are tested (the first ones in class order). */
    static final int MAX_PAIRS = 10;

    public ConceptSetPlan {
        x = List.copyOf(x);
        y = List.copyOf(y);
        a = List.copyOf(a);
        b = List.copyOf(b);
    }

    /** The names of X, Y, A and B. */
    List<String> names() {
        return design == ConceptDesign.CUE_CONTRAST ? List.of(valueA, valueB, labelX, labelY)
                : List.of(labelX, labelY, valueA, valueB);
    }

    /** The tests a split allows, and why others were left out. */
    record Plans(List<ConceptSetPlan> tests, List<String> notes) {

        public Plans {
            tests = List.copyOf(tests);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Plans the tests of each pair of labels (at most {@value #MAX_PAIRS} pairs), one per design asked for. For
     * labels x, y the cue's values are paired by the training split: a is the value whose share among x's
     * training samples exceeds its share among y's the most, b the reverse, so d &gt; 0 and a small one-sided p
     * mean the embeddings follow the pairing the training data shows. Without training counts, or when the shares
     * do not differ, a and b are the first two values in alphabetical order (and the orientation says so).
     *
     * @param trainCueCounts training samples per {@code "label|value"} of this cue; may be empty
     * @param designs        the designs to plan, e.g. only {@link ConceptDesign#CUE_CONTRAST} when there is no editor
     * @throws IllegalArgumentException when the split shows fewer than two cue values or two labels
     */
    static Plans plan(List<ConceptSource> samples, List<String> classNames, Map<String, Integer> trainCueCounts,
            List<ConceptDesign> designs, long seed) {
        List<String> values = new ArrayList<>(new TreeSet<>(samples.stream().map(ConceptSource::cueValue).toList()));
        List<Integer> labels = new ArrayList<>(new TreeSet<>(samples.stream().map(s -> s.image().label()).toList()));
        if (values.size() < 2 || labels.size() < 2) {
            throw new IllegalArgumentException("an association test needs two labels and two cue values in the split, got"
                    + " labels " + labels.stream().map(classNames::get).toList() + " and values " + values);
        }
        Map<String, List<ConceptSource>> targetPool = new TreeMap<>();
        Map<String, List<ConceptSource>> attributePool = new TreeMap<>();
        halve(samples, classNames, seed, targetPool, attributePool);
        List<ConceptSetPlan> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int pairs = 0;
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (pairs++ == MAX_PAIRS) {
                    notes.add("only the first " + MAX_PAIRS + " label pairs are tested");
                    return new Plans(tests, notes);
                }
                String x = classNames.get(labels.get(i));
                String y = classNames.get(labels.get(j));
                Orientation o = orient(x, y, values, trainCueCounts == null ? Map.of() : trainCueCounts);
                String xa = key(x, o.a());
                String xb = key(x, o.b());
                String ya = key(y, o.a());
                String yb = key(y, o.b());
                for (ConceptDesign design : designs) {
                    boolean contrast = design == ConceptDesign.CUE_CONTRAST;
                    ConceptSetPlan plan = new ConceptSetPlan(design, x, y, o.a(), o.b(), o.words(), o.trained(),
                            // Contrast: X = value a over both labels, A = label x over both values; isolated: the reverse.
                            balanced(targetPool, xa, contrast ? ya : xb),
                            balanced(targetPool, contrast ? xb : ya, yb),
                            balanced(attributePool, xa, contrast ? xb : ya),
                            balanced(attributePool, contrast ? ya : xb, yb));
                    if (plan.x().isEmpty() || plan.y().isEmpty() || plan.a().isEmpty() || plan.b().isEmpty()) {
                        notes.add(x + " vs " + y + " (" + design + ") is not tested: it needs samples of every combination of "
                                + x + ", " + y + " with " + o.a() + ", " + o.b() + " in the split, at least two of each");
                    } else {
                        tests.add(contrast ? plan : plan.withBorrowedBoxes());
                    }
                }
            }
        }
        return new Plans(tests, notes);
    }

    private static String key(String label, String value) {
        return label + "|" + value;
    }

    private static void halve(List<ConceptSource> samples, List<String> classNames, long seed,
            Map<String, List<ConceptSource>> targets, Map<String, List<ConceptSource>> attributes) {
        Map<String, List<ConceptSource>> strata = new TreeMap<>();
        for (ConceptSource s : samples) {
            strata.computeIfAbsent(key(classNames.get(s.image().label()), s.cueValue()), k -> new ArrayList<>()).add(s);
        }
        Random random = new Random(seed);
        strata.forEach((stratum, members) -> {
            List<ConceptSource> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            int half = shuffled.size() / 2;
            targets.put(stratum, shuffled.subList(0, half));
            attributes.put(stratum, shuffled.subList(half, shuffled.size()));
        });
    }

    /** As many samples from each stratum as the smaller holds; none when either is empty (the balance is the point). */
    private static List<ConceptSource> balanced(Map<String, List<ConceptSource>> pool, String first, String second) {
        List<ConceptSource> one = pool.getOrDefault(first, List.of());
        List<ConceptSource> two = pool.getOrDefault(second, List.of());
        int each = Math.min(one.size(), two.size());
        List<ConceptSource> out = new ArrayList<>(one.subList(0, each));
        out.addAll(two.subList(0, each));
        return out;
    }

    /** Which cue value goes with the first label (a) and which with the second (b). */
    record Orientation(String a, String b, boolean trained, String words) {
    }

    static Orientation orient(String x, String y, List<String> values, Map<String, Integer> trainCueCounts) {
        double totalX = 0;
        double totalY = 0;
        for (String v : values) {
            totalX += trainCueCounts.getOrDefault(key(x, v), 0);
            totalY += trainCueCounts.getOrDefault(key(y, v), 0);
        }
        if (totalX == 0 || totalY == 0) {
            return new Orientation(values.get(0), values.get(1), false, "values in alphabetical order: no training counts of "
                    + x + " and " + y + " for this cue");
        }
        double[] excess = new double[values.size()];
        int a = 0;
        int b = 0;
        for (int v = 0; v < values.size(); v++) {
            excess[v] = trainCueCounts.getOrDefault(key(x, values.get(v)), 0) / totalX
                    - trainCueCounts.getOrDefault(key(y, values.get(v)), 0) / totalY;
            a = excess[v] > excess[a] ? v : a;
            b = excess[v] < excess[b] ? v : b;
        }
        if (a == b || excess[a] <= 0) {
            return new Orientation(values.get(0), values.get(1), false, "values in alphabetical order: " + x + " and " + y
                    + " show the cue's values equally often in training");
        }
        return new Orientation(values.get(a), values.get(b), true, String.format(Locale.ROOT,
                "%s goes with %s: %.0f %% of %s's training samples against %.0f %% of %s's", values.get(a), x,
                100 * trainCueCounts.getOrDefault(key(x, values.get(a)), 0) / totalX, x,
                100 * trainCueCounts.getOrDefault(key(y, values.get(a)), 0) / totalY, y));
    }

    private ConceptSetPlan withBorrowedBoxes() {
        return new ConceptSetPlan(design, labelX, labelY, valueA, valueB, orientation, trained, x, y, borrow(a, b),
                borrow(b, a));
    }

    /** Members without boxes take, in turn, the boxes of the other set's members that have some. */
    private static List<ConceptSource> borrow(List<ConceptSource> set, List<ConceptSource> other) {
        List<List<PixelBox>> lenders = other.stream().map(ConceptSource::cueBoxes).filter(b -> !b.isEmpty()).toList();
        if (lenders.isEmpty()) {
            return set;
        }
        List<ConceptSource> out = new ArrayList<>(set.size());
        int next = 0;
        for (ConceptSource s : set) {
            out.add(s.cueBoxes().isEmpty() ? s.withBoxes(lenders.get(next++ % lenders.size())) : s);
        }
        return out;
    }
}
