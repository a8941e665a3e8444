package com.spurlab.inference.audit;

/**
 * Accuracy within one group (label × attribute values).
 *
 * @param group    the group key, e.g. {@code "t-shirt|warm"}
 * @param label    its class
 * @param context  its attribute values, e.g. {@code "warm"}; empty when the split has no attribute
 * @param accuracy correct / n with its Wilson interval and the too-small flag
 */
public record GroupRates(String group, String label, String context, Proportion accuracy) {
}
