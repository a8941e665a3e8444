package com.spurlab.inference.edit.mask;

import java.nio.file.Path;

/**
 * How foreground masks are found for samples without a manifest mask.
 *
 * @param onnxModel       the operator's ONNX segmentation model ({@code spurlab.edit.segmentation-model}), or
 *                        {@code null}; its contract is in {@link OnnxSegmentation}
 * @param minMasksToTrain manifest masks needed before SpurLab trains its own segmentation network, 2..100000
 * @param inputSize       side the learned network works at, 16..256 px (images are resized to it and back)
 * @param epochs          training epochs of the learned network, 1..200
 * @param maxTrainingMasks at most this many masked samples train it (a seeded choice), 10..100000
 * @param seed            seeds the network's initialisation, its sample choice and shuffling
 */
public record SegmentationSettings(Path onnxModel, int minMasksToTrain, int inputSize, int epochs,
        int maxTrainingMasks, long seed) {

    public static final int DEFAULT_MIN_MASKS = 20;

    public SegmentationSettings {
        if (minMasksToTrain < 2 || minMasksToTrain > 100_000) {
            throw new IllegalArgumentException("minMasksToTrain must be between 2 and 100000, got " + minMasksToTrain);
        }
        if (inputSize < 16 || inputSize > 256) {
            throw new IllegalArgumentException("inputSize must be between 16 and 256 pixels, got " + inputSize);
        }
        if (epochs < 1 || epochs > 200) {
            throw new IllegalArgumentException("epochs must be between 1 and 200, got " + epochs);
        }
        if (maxTrainingMasks < 10 || maxTrainingMasks > 100_000) {
            throw new IllegalArgumentException("maxTrainingMasks must be between 10 and 100000, got " + maxTrainingMasks);
        }
    }

    /** No ONNX model; train a network at 64 px for 8 epochs on up to 400 masks once 20 are supplied. */
    public static SegmentationSettings defaults() {
        return new SegmentationSettings(null, DEFAULT_MIN_MASKS, 64, 8, 400, 42L);
    }

    public SegmentationSettings withOnnxModel(Path model) {
        return new SegmentationSettings(model, minMasksToTrain, inputSize, epochs, maxTrainingMasks, seed);
    }

    public SegmentationSettings withTraining(int size, int trainingEpochs) {
        return new SegmentationSettings(onnxModel, minMasksToTrain, size, trainingEpochs, maxTrainingMasks, seed);
    }
}
