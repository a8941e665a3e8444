package com.spurlab.core.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparable history of a project's test snapshots and the baseline, latest and best in it. Pure:
 * the rules of "what is compared with what" and "what is best" live here, and only here.
 */
final class KpiBoard {

    static final String METHOD_OF_DEFAULT_BASELINE = "ERM";

    private final KpiSnapshot baseline;
    private final List<KpiSnapshot> comparable;
    private final KpiSnapshot latest;
    private final KpiSnapshot best;

    private KpiBoard(KpiSnapshot baseline, List<KpiSnapshot> comparable) {
        this.baseline = baseline;
        this.comparable = comparable;
        this.latest = comparable.isEmpty() ? null : comparable.get(comparable.size() - 1);
        this.best = bestByValidation(comparable);
    }

    /**
     * @param snapshots   a project's snapshots of one split, oldest first
     * @param namedRunId  the evaluation the project named as baseline, or null
     */
    static KpiBoard of(List<KpiSnapshot> snapshots, Long namedRunId) {
        KpiSnapshot baseline = baseline(snapshots, namedRunId).orElse(null);
        KpiSnapshot anchor = baseline != null ? baseline : snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        List<KpiSnapshot> comparable = anchor == null ? List.of()
                : snapshots.stream().filter(s -> s.scope().equals(anchor.scope())).toList();
        return new KpiBoard(baseline, comparable);
    }

    /** The named evaluation; else the first ERM evaluation on a root version (not a derived one). */
    static Optional<KpiSnapshot> baseline(List<KpiSnapshot> snapshots, Long namedRunId) {
        if (namedRunId != null) {
            return snapshots.stream().filter(s -> s.getEvaluationRunId() == namedRunId).findFirst();
        }
        return snapshots.stream().filter(s -> METHOD_OF_DEFAULT_BASELINE.equals(s.getMethod())
                && s.getDatasetVersionId() == s.getLineageRootId()).findFirst();
    }

    /**
     * The latest snapshot of each experiment competes; the highest validation worst-group accuracy wins,
     * the later experiment on ties. Snapshots without a validation figure cannot win. Test figures play no part.
     */
    static KpiSnapshot bestByValidation(List<KpiSnapshot> comparable) {
        Map<Long, KpiSnapshot> latestOfExperiment = new LinkedHashMap<>();
        comparable.forEach(s -> latestOfExperiment.put(s.getExperimentId(), s));
        KpiSnapshot best = null;
        for (KpiSnapshot s : latestOfExperiment.values()) {
            if (s.getValidationWga() != null && (best == null || s.getValidationWga() >= best.getValidationWga())) {
                best = s;
            }
        }
        return best;
    }

    KpiStatus status(KpiMetric metric, double target) {
        KpiPoint baselinePoint = point(baseline, metric, target);
        KpiPoint latestPoint = point(latest, metric, target);
        KpiPoint bestPoint = point(best, metric, target);
        KpiPoint judged = bestPoint != null ? bestPoint : latestPoint;
        TargetStatus status = judged == null ? TargetStatus.NOT_MET : judged.status();
        return new KpiStatus(metric, metric.higherIsBetter() ? ">=" : "<=", target, value(baselinePoint),
                value(latestPoint), value(bestPoint), status == TargetStatus.MET, status,
                judged == null ? null : bestPoint != null ? "best" : "latest",
                latest == null ? null : latest.scope(), baselinePoint, latestPoint, bestPoint,
                comparable.stream().map(s -> KpiPoint.of(s, metric, target)).toList());
    }

    List<KpiSnapshot> comparable() {
        return comparable;
    }

    KpiSnapshot best() {
        return best;
    }

    KpiSnapshot latest() {
        return latest;
    }

    KpiSnapshot baselineSnapshot() {
        return baseline;
    }

    private static KpiPoint point(KpiSnapshot s, KpiMetric metric, double target) {
        return s == null ? null : KpiPoint.of(s, metric, target);
    }

    private static Double value(KpiPoint p) {
        return p == null ? null : p.value();
    }
}
