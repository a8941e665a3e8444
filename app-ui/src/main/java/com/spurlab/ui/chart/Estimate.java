package com.spurlab.ui.chart;

/**
 * A figure with its 95 % interval, the count behind it and a note for its tooltip (e.g. "too small to
 * trust"), e.g. one group's accuracy. Fractions (0..1) when the chart shows percentages. Everything but the
 * value may be null; a null value is a gap.
 */
public record Estimate(Double value, Double low, Double high, Integer n, String note) {

    public static Estimate of(Double value) {
        return new Estimate(value, null, null, null, null);
    }

    public static Estimate of(Double value, Double low, Double high, Integer n) {
        return new Estimate(value, low, high, n, null);
    }

    public Estimate withNote(String text) {
        return new Estimate(value, low, high, n, text);
    }

    boolean hasInterval() {
        return value != null && low != null && high != null && high > low;
    }
}
