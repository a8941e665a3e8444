package com.spurlab.core.kpi;

/**
 * One KPI of a project on the test split: the target, the first (baseline), latest and best
 * evaluated values (null before any evaluation), and whether the latest meets the target.
 */
public record KpiStatus(KpiMetric metric, String comparator, double target, Double baseline, Double latest,
                        Double best, boolean met) {
}
