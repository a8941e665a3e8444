package com.spurlab.core.kpi;

import com.spurlab.core.run.SplitEvaluation;
import java.util.function.ToDoubleFunction;

/** A metric a KPI can target, read off a split's evaluation, and whether higher is better. */
public enum KpiMetric {
    WORST_GROUP_ACCURACY(SplitEvaluation::worstGroupAccuracy, true),
    ACCURACY(SplitEvaluation::accuracy, true),
    AVERAGE_GROUP_ACCURACY(SplitEvaluation::averageGroupAccuracy, true),
    ACCURACY_GAP(SplitEvaluation::gap, false);

    private final ToDoubleFunction<SplitEvaluation> reader;
    private final boolean higherIsBetter;

    KpiMetric(ToDoubleFunction<SplitEvaluation> reader, boolean higherIsBetter) {
        this.reader = reader;
        this.higherIsBetter = higherIsBetter;
    }

    public double of(SplitEvaluation evaluation) {
        return reader.applyAsDouble(evaluation);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
