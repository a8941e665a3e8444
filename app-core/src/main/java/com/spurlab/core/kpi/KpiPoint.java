package com.spurlab.core.kpi;

import java.time.Instant;

/**
 * One snapshot's figure for a KPI.
 *
 * @param value                        the figure on the KPI's split
 * @param ciLow                        lower end of its 95 % interval
 * @param ciHigh                       upper end
 * @param worstGroupN                  samples in the split's worst group
 * @param tooSmall                     the figure rests on a group with fewer than 20 samples
 * @param validationWorstGroupAccuracy what chose this model among others (null when unknown)
 * @param status                       this figure against the target
 */
public record KpiPoint(long evaluationRunId, long modelRunId, long experimentId, String method, long datasetVersionId,
                       double value, double ciLow, double ciHigh, String worstGroup, int worstGroupN, boolean tooSmall,
                       Double validationWorstGroupAccuracy, TargetStatus status, Instant createdAt) {

    static KpiPoint of(KpiSnapshot s, KpiMetric metric, double target) {
        Figure f = metric.of(s);
        return new KpiPoint(s.getEvaluationRunId(), s.getModelRunId(), s.getExperimentId(), s.getMethod(),
                s.getDatasetVersionId(), f.value(), f.low(), f.high(), s.getWorstGroup(), s.getWorstGroupN(),
                metric.restsOnTooSmallGroup(s), s.getValidationWga(), metric.judge(s, target), s.getCreatedAt());
    }
}
