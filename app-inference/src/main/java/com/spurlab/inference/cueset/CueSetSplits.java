package com.spurlab.inference.cueset;

import com.spurlab.inference.data.LabeledImage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated set unpacked for training and evaluation: labels index {@code classNames}, groups are
 * {@code "<label>|<cue value>"}, and each sample's ground truth is at hand by its id.
 */
public record CueSetSplits(List<String> classNames, List<LabeledImage> train, List<LabeledImage> validation,
        List<LabeledImage> test, List<CueSample> truth) {

    public CueSetSplits {
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        truth = List.copyOf(truth);
    }

    /** Ground truth of every sample by its id. */
    public Map<String, CueSample> truthById() {
        return truth.stream().collect(Collectors.toUnmodifiableMap(CueSample::sampleId, Function.identity()));
    }
}
