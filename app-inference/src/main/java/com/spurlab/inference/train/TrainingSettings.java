package com.spurlab.inference.train;

import java.util.HashSet;
import java.util.List;

/**
 * Everything a training run is parameterised by.
 *
 * @param method       training method
 * @param classNames   class names, index = label; at least two, distinct
 * @param imageSize    side of the square RGB input, 16..256 px
 * @param epochs       passes over the training set, 1..500
 * @param batchSize    images per step, 1..4096
 * @param learningRate Adam learning rate, &gt; 0
 * @param seed         seeds weight initialisation, shuffling and augmentation
 * @param options      network, augmentation, method constants, model selection
 */
public record TrainingSettings(TrainingMethod method, List<String> classNames, int imageSize, int epochs, int batchSize,
        float learningRate, long seed, MethodOptions options) {

    /** The walking skeleton's settings: the CNN, no augmentation, last epoch kept ({@link MethodOptions#legacy()}). */
    public TrainingSettings(TrainingMethod method, List<String> classNames, int imageSize, int epochs, int batchSize,
            float learningRate, long seed) {
        this(method, classNames, imageSize, epochs, batchSize, learningRate, seed, MethodOptions.legacy());
    }

    public TrainingSettings {
        if (options == null) {
            throw new IllegalArgumentException("options are missing: use MethodOptions.defaults()");
        }
        if (method == null) {
            throw new IllegalArgumentException("method is missing: choose one of " + List.of(TrainingMethod.values()));
        }
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("classNames must list at least 2 classes, got "
                    + (classNames == null ? "none" : classNames.size()));
        }
        classNames = List.copyOf(classNames);
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("classNames must be distinct, got " + classNames);
        }
        if (classNames.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("classNames must not be blank, got " + classNames);
        }
        if (imageSize < TrainingLimits.MIN_IMAGE || imageSize > TrainingLimits.MAX_IMAGE) {
            throw new IllegalArgumentException("imageSize must be between " + TrainingLimits.MIN_IMAGE + " and "
                    + TrainingLimits.MAX_IMAGE + " pixels, got " + imageSize);
        }
        if (epochs < 1 || epochs > TrainingLimits.MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be between 1 and " + TrainingLimits.MAX_EPOCHS + ", got "
                    + epochs);
        }
        if (batchSize < 1 || batchSize > TrainingLimits.MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + TrainingLimits.MAX_BATCH + ", got "
                    + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number such as 0.001, got " + learningRate);
        }
    }

    public TrainingSettings withMethod(TrainingMethod m) {
        return new TrainingSettings(m, classNames, imageSize, epochs, batchSize, learningRate, seed, options);
    }

    public TrainingSettings withOptions(MethodOptions o) {
        return new TrainingSettings(method, classNames, imageSize, epochs, batchSize, learningRate, seed, o);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(method, classNames, imageSize, epochs, batchSize, learningRate, s, options);
    }

    /** ERM, 64 px, 5 epochs, batch 64, learning rate 1e-3, seed 42. */
    public static TrainingSettings defaults(List<String> classNames) {
        return new TrainingSettings(TrainingMethod.ERM, classNames, 64, 5, 64, 1e-3f, 42L);
    }
}
