package com.spurlab.inference.train;

/** How a classifier is trained. Group-robust methods (reweighting, GroupDRO, JTT, DFR) come later. */
public enum TrainingMethod {
    /** Empirical risk minimisation: plain average loss over the training set. */
    ERM
}
