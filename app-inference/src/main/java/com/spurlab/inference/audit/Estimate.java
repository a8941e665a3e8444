package com.spurlab.inference.audit;

/** A figure with its percentile bootstrap 95 % interval. */
public record Estimate(double value, double ciLow, double ciHigh) {
}
