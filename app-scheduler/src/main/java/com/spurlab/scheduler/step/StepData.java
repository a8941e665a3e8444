package com.spurlab.scheduler.step;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset version's samples as the model sees them: class indices by sorted label, group keys. Public for the
 * steps of feature sub-packages (audit, extract ...), so class indices are made in one place.
 */
public record StepData(List<String> classNames, List<String> groupBy, List<SampleRecord> samples) {

    public static StepData of(List<SampleRecord> samples, List<String> groupBy) {
        List<String> classes = samples.stream().map(SampleRecord::label).distinct().sorted().toList();
        return new StepData(classes, groupBy == null ? List.of() : List.copyOf(groupBy), samples);
    }

    public List<LabeledImage> split(String split) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        return samples.stream().filter(s -> s.split().equals(split))
                .map(s -> new LabeledImage(String.valueOf(s.id()), s.image(), index.get(s.label()), s.group(groupBy)))
                .toList();
    }

    /** A model predicts the classes it was trained on: the dataset's labels must be the same. */
    public void requireClasses(Path modelDir) {
        List<String> trained;
        try {
            trained = ModelMetadata.read(modelDir).classNames();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model's metadata in its folder", e);
        }
        if (!trained.equals(classNames)) {
            throw new InvalidRequestException("label_mismatch", "the model was trained on labels " + trained
                    + " but this dataset version has " + classNames + "; evaluate a model of the same label set");
        }
    }

    /**
     * Every groupBy attribute is carried by some sample: else every group would silently be "label|?". A plan accepts
     * {@code cue:} names when a step upstream derives a version, and only the run knows which one it derived.
     */
    public void requireGroupAttributes(long versionId) {
        for (String attribute : groupBy) {
            if (samples.stream().noneMatch(s -> s.attributes().containsKey(attribute))) {
                throw new InvalidRequestException("unknown_attribute", "groupBy names attribute '" + attribute
                        + "' which no sample of dataset version " + versionId + " carries"
                        + (attribute.startsWith(GroupBy.INFERRED_PREFIX) ? "; a cue: attribute exists in the version a"
                        + " step upstream derives (EXTRACT with deriveAttribute naming the same cue)" : ""));
            }
        }
    }
}
