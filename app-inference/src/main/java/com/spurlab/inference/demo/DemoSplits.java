package com.spurlab.inference.demo;

import com.spurlab.inference.data.LabeledImage;
import java.util.List;

/**
 * A demo archive unpacked for training: labels index {@code classNames}, groups are
 * {@code "<label>|<background>"}.
 */
public record DemoSplits(List<String> classNames, List<LabeledImage> train, List<LabeledImage> validation,
        List<LabeledImage> test) {

    public DemoSplits {
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
