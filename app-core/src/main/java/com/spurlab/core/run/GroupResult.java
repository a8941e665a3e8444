package com.spurlab.core.run;

/** Accuracy within one group; a group with fewer than 20 samples is too small to trust. */
public record GroupResult(String group, int n, int correct, double accuracy, boolean tooSmall) {
}
