package com.spurlab.ui.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An ECharts option built on the server: plain JSON, no JavaScript functions, so it travels as data. */
public interface ChartOption {

    /** The option object handed to {@code chart.setOption(...)}. */
    ObjectNode toJson();

    /** A CSS height that fits the content (e.g. one row per group), or null for the component's default. */
    default String suggestedHeight() {
        return null;
    }

    /** A CSS width beyond which the chart only gets emptier (e.g. a heat map of two columns), or null. */
    default String suggestedMaxWidth() {
        return null;
    }
}
