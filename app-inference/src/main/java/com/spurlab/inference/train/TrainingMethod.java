package com.spurlab.inference.train;

import java.util.List;
import java.util.Locale;

/** How a classifier is trained. Methods that need groups read {@code LabeledImage.group()} (the class when absent). */
public enum TrainingMethod {
    /** Empirical risk minimisation: plain average loss over the training set. */
    ERM,
    /** Loss weights inversely proportional to each group's training count, so every group weighs the same. */
    REWEIGHT,
    /** Sagawa et al. 2020: online weights over groups, raised by exp(eta x group loss) each step. */
    GROUP_DRO,
    /** Liu et al. 2021: a short ERM run finds its training errors; a fresh model trains with them up-sampled. */
    JTT,
    /** Kirichenko et al. 2023: ERM, then only the last layer retrained on group-balanced validation embeddings. */
    DFR;

    /**
     * Whether training fits part of the model on the validation split (DFR's head): figures measured on
     * that split afterwards are in-sample and are reported as "used for fitting", not as validation.
     */
    public boolean fitsOnValidation() {
        return this == DFR;
    }

    /** Parses a user's choice, case-insensitively; the message lists the valid names. */
    public static TrainingMethod parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("method '" + name + "' is unknown; choose one of " + List.of(values()), e);
        }
    }
}
