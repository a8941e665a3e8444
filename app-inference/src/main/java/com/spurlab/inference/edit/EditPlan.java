package com.spurlab.inference.edit;

import com.spurlab.inference.edit.EditCue.Kind;
import com.spurlab.inference.edit.mask.TextBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who is edited and with what: the targets of one run, and for each the samples its edit and its
 * control may take a background or a word from. Edit donors carry another value of the cue (or, for
 * ADD_CUE, the cue itself); control donors carry the target's own value, so a control changes the
 * same pixels in the same way but leaves the cue as it was.
 */
final class EditPlan {

    /** One image to edit and the cue's value in it. */
    record Target(int index, EditSample sample, String value) {
    }

    final EditCue cue;
    final EditOperation operation;
    final List<Target> targets;
    /** Samples of the split that carry a value of the cue, by value, in sample order. */
    final Map<String, List<EditSample>> byValue;
    final String cuedValue;
    final int cueLabel;
    private final Map<String, List<TextBox>> boxes;
    private final Map<String, List<EditSample>> editPools = new ConcurrentHashMap<>();

    private EditPlan(EditCue cue, EditOperation operation, List<Target> targets, Map<String, List<EditSample>> byValue,
            String cuedValue, int cueLabel, Map<String, List<TextBox>> boxes) {
        this.cue = cue;
        this.operation = operation;
        this.targets = targets;
        this.byValue = byValue;
        this.cuedValue = cuedValue;
        this.cueLabel = cueLabel;
        this.boxes = boxes;
    }

    /**
     * @throws IllegalArgumentException when the cue cannot be read, does not suit the operation, names no
     *                                  sample of the split, or leaves nothing to edit
     */
    static EditPlan of(EditRequest request, List<EditSample> samples, List<TextBox> textBoxes) {
        EditCue cue = EditCue.parse(request.cue());
        EditOperation op = request.operation();
        cue.requireSuits(op);
        Map<String, List<TextBox>> boxes = (textBoxes == null ? List.<TextBox>of() : textBoxes).stream()
                .collect(Collectors.groupingBy(TextBox::sampleId));
        List<EditSample> split = samples.stream().filter(s -> s.split().equals(request.split())).toList();
        if (split.isEmpty()) {
            throw new IllegalArgumentException("split " + request.split() + " has no samples; the version's splits are "
                    + new TreeSet<>(samples.stream().map(EditSample::split).toList()));
        }
        Map<String, List<EditSample>> byValue = new LinkedHashMap<>();
        List<String> values = new ArrayList<>(split.size());
        for (EditSample s : split) {
            String v = cue.valueOf(s, boxes.getOrDefault(s.sampleId(), List.of()));
            values.add(v);
            if (v != null) {
                byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
            }
        }
        requireNamesASample(cue, request.split(), byValue, samples, boxes);
        String cued = cuedValue(cue, op, request.cueLabel());
        int cueLabel = request.cueLabel() != null ? request.cueLabel() : inferCueLabel(cue, cued, samples, boxes);
        List<Target> numbered = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            String v = values.get(i);
            if (v != null && isTarget(op, v, cued, split.get(i).label(), cueLabel)) {
                numbered.add(new Target(numbered.size(), split.get(i), v));
            }
        }
        if (op == EditOperation.REPLACE_BACKGROUND && byValue.size() < 2) {
            throw new IllegalArgumentException("REPLACE_BACKGROUND takes a background from an image of another value of "
                    + cue + ", but split " + request.split() + " has only " + byValue.keySet());
        }
        if (numbered.isEmpty()) {
            throw new IllegalArgumentException("no image of split " + request.split() + " is left to edit: " + op
                    + (op == EditOperation.ADD_CUE ? " needs images of labels other than " + cueLabel + " without " + cue
                    : " needs images that carry " + cue));
        }
        return new EditPlan(cue, op, List.copyOf(numbered), byValue, cued, cueLabel, boxes);
    }

    /**
     * Samples whose background (or word) the edit of a target with cue value {@code value} may take:
     * those of every other value, or for ADD_CUE those carrying the cue. The target is never among them.
     */
    List<EditSample> editPool(String value) {
        if (operation == EditOperation.ADD_CUE) {
            return byValue.getOrDefault(cuedValue, List.of());
        }
        return editPools.computeIfAbsent(value, v -> byValue.entrySet().stream().filter(e -> !e.getKey().equals(v))
                .flatMap(e -> e.getValue().stream()).toList());
    }

    /** Samples with cue value {@code value}: the control's donors (the target itself is among them: skip it). */
    List<EditSample> controlPool(String value) {
        return byValue.getOrDefault(value, List.of());
    }

    /** The sample's boxes that read the cue's word. */
    List<TextBox> cueBoxes(String sampleId) {
        return boxes(sampleId).stream().filter(b -> b.reads(cue.name())).toList();
    }

    /** All the sample's text boxes. */
    List<TextBox> boxes(String sampleId) {
        return boxes.getOrDefault(sampleId, List.of());
    }

    /** Every split sample the run needs a foreground mask of: targets and all possible donors. */
    List<EditSample> needingMasks() {
        return byValue.values().stream().flatMap(List::stream).toList();
    }

    private static String cuedValue(EditCue cue, EditOperation op, Integer cueLabel) {
        return switch (cue.kind()) {
            case ATTRIBUTE -> {
                if (cue.value() == null && op == EditOperation.ADD_CUE) {
                    throw new IllegalArgumentException("ADD_CUE pastes one value of the cue: name it, e.g. "
                            + cue + "=<value>");
                }
                yield cue.value();
            }
            case KEYWORD, TEXT -> EditCue.PRESENT;
            case MASK -> {
                if (op == EditOperation.ADD_CUE && cueLabel == null) {
                    throw new IllegalArgumentException("ADD_CUE with the mask cue pastes the background of one label's"
                            + " images: give cueLabel");
                }
                yield cueLabel == null ? null : String.valueOf(cueLabel);
            }
        };
    }

    private static boolean isTarget(EditOperation op, String value, String cued, int label, int cueLabel) {
        if (op == EditOperation.ADD_CUE) {
            return !value.equals(cued) && label != cueLabel;
        }
        return cued == null || value.equals(cued);
    }

    /**
     * The label whose images carry the cue most often (share of the label's images), counted on the
     * training split when it has any carrier, else on all samples given.
     */
    private static int inferCueLabel(EditCue cue, String cued, List<EditSample> samples, Map<String, List<TextBox>> boxes) {
        if (cued == null) {
            return -1;
        }
        List<EditSample> train = samples.stream().filter(s -> s.split().equals("train")).toList();
        List<EditSample> pool = train.stream().anyMatch(s -> cued.equals(cue.valueOf(s, boxes.getOrDefault(s.sampleId(),
                List.of())))) ? train : samples;
        Map<Integer, int[]> counts = new HashMap<>();
        for (EditSample s : pool) {
            int[] c = counts.computeIfAbsent(s.label(), k -> new int[2]);
            c[0]++;
            c[1] += cued.equals(cue.valueOf(s, boxes.getOrDefault(s.sampleId(), List.of()))) ? 1 : 0;
        }
        return counts.entrySet().stream()
                .max(Comparator.comparingDouble((Map.Entry<Integer, int[]> e) -> (double) e.getValue()[1] / e.getValue()[0])
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(-1);
    }

    private static void requireNamesASample(EditCue cue, String split, Map<String, List<EditSample>> byValue,
            List<EditSample> samples, Map<String, List<TextBox>> boxes) {
        String where = "the cue " + cue + " names no sample of split " + split + ": ";
        switch (cue.kind()) {
            case ATTRIBUTE -> {
                if (byValue.isEmpty()) {
                    throw new IllegalArgumentException(where + "no sample has the attribute " + cue.name()
                            + "; the samples' attributes are " + new TreeSet<>(samples.stream()
                            .flatMap(s -> s.attributes().keySet().stream()).toList()));
                }
                if (cue.value() != null && !byValue.containsKey(cue.value())) {
                    throw new IllegalArgumentException(where + "its values there are " + byValue.keySet());
                }
            }
            case KEYWORD -> {
                if (!byValue.containsKey(EditCue.PRESENT)) {
                    boolean captions = samples.stream().anyMatch(s -> s.caption() != null && !s.caption().isBlank());
                    throw new IllegalArgumentException(where + (captions ? "no caption contains the word " + cue.name()
                            : "the samples have no captions"));
                }
            }
            case TEXT -> {
                if (!byValue.containsKey(EditCue.PRESENT)) {
                    throw new IllegalArgumentException(where + "no text box reads " + cue.name() + " ("
                            + boxes.values().stream().mapToInt(List::size).sum() + " boxes given; run EXTRACT's text"
                            + " reader first)");
                }
            }
            case MASK -> {
                // Every image has a background: the mask cue names them all.
            }
        }
    }

    boolean isText() {
        return cue.kind() == Kind.TEXT;
    }
}
