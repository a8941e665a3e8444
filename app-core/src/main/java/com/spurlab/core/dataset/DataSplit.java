package com.spurlab.core.dataset;

import java.util.Locale;

/** The splits of a dataset version, as step parameters name them. */
public enum DataSplit {
    TRAIN, VAL, TEST;

    /** The name samples carry: train, val, test. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
