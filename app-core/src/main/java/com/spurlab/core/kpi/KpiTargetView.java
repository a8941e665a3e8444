package com.spurlab.core.kpi;

/** A KPI target as settings show it: the metric, {@code >=} or {@code <=}, and the threshold. */
public record KpiTargetView(KpiMetric metric, String comparator, double threshold) {
}
