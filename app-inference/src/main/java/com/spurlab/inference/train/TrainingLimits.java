package com.spurlab.inference.train;

/**
 * The bounds of training parameters, in one place: {@link TrainingSettings} and {@link MethodOptions} enforce
 * them, and the TRAIN step's parameter record publishes them (its annotations name these constants).
 */
public final class TrainingLimits {

    public static final int MAX_EPOCHS = 500;
    public static final int MAX_BATCH = 4096;
    public static final int MIN_IMAGE = 16;
    public static final int MAX_IMAGE = 256;
    public static final int MAX_JTT_EPOCHS = 100;
    /** {@code none}, or a comma list of flip, crop[=pixels], jitter[=strength below 1]. */
    public static final String AUGMENTATION_PATTERN =
            "none|(flip|crop(=\\d{1,2})?|jitter(=0?\\.\\d+)?)(,(flip|crop(=\\d{1,2})?|jitter(=0?\\.\\d+)?))*";

    private TrainingLimits() {
    }
}
