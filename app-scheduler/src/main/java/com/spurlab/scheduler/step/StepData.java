package com.spurlab.scheduler.step;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.data.LabeledImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A dataset version's samples as the model sees them: class indices by sorted label, group keys. */
record StepData(List<String> classNames, List<String> groupBy, List<SampleRecord> samples) {

    static StepData of(List<SampleRecord> samples, String groupBy) {
        List<String> classes = samples.stream().map(SampleRecord::label).distinct().sorted().toList();
        List<String> attributes = groupBy == null || groupBy.isBlank() ? List.of()
                : Arrays.stream(groupBy.split(",")).map(String::strip).toList();
        return new StepData(classes, attributes, samples);
    }

    List<LabeledImage> split(String split) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        return samples.stream().filter(s -> s.split().equals(split))
                .map(s -> new LabeledImage(String.valueOf(s.id()), s.image(), index.get(s.label()), s.group(groupBy)))
                .toList();
    }
}
