package com.spurlab.core.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.Json;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.run.EvaluationRecorded;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.SplitEvaluation;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Takes a KPI snapshot of every split of every evaluation, in the transaction that records it. */
@Component
class SnapshotRecorder {

    static final String VALIDATION = "val";

    private final KpiSnapshots snapshots;
    private final DatasetService datasets;

    SnapshotRecorder(KpiSnapshots snapshots, DatasetService datasets) {
        this.snapshots = snapshots;
        this.datasets = datasets;
    }

    @EventListener
    void on(EvaluationRecorded event) {
        TrainingFigures training = TrainingFigures.of(event.trainingDetails());
        KpiSnapshot.Selection selection = selection(event, training);
        // A derived version (edited, synthetic) is compared with the upload it descends from.
        long lineageRoot = datasets.getForJob(event.datasetVersionId()).lineageRootId();
        for (SplitEvaluation e : event.evaluations()) {
            KpiSnapshot.Origin origin = new KpiSnapshot.Origin(event.projectId(), event.experimentId(),
                    event.evaluationRunId(), event.modelRunId(), event.datasetVersionId(),
                    lineageRoot, e.groupBy() == null ? "" : e.groupBy(), e.split(),
                    event.method(), event.recordedAt());
            boolean fitted = VALIDATION.equals(e.split()) && training.validationUsedForFitting();
            snapshots.save(snapshot(origin, e, new KpiSnapshot.Selection(selection.validationWga(), selection.source(),
                    fitted)));
        }
    }

    /**
     * The validation worst-group accuracy that ranks this model: this evaluation's val split when it
     * has one the model was not fitted on; else what training measured on validation (for DFR the half
     * of val its head was not fitted on); else none.
     */
    static KpiSnapshot.Selection selection(EvaluationRecorded event, TrainingFigures training) {
        Optional<SplitEvaluation> val = event.evaluations().stream().filter(e -> VALIDATION.equals(e.split())).findFirst();
        if (val.isPresent() && !training.validationUsedForFitting()) {
            return new KpiSnapshot.Selection(val.get().worstGroupAccuracy(), "EVALUATION", false);
        }
        return training.validationWorstGroupAccuracy() == null ? new KpiSnapshot.Selection(null, null, false)
                : new KpiSnapshot.Selection(training.validationWorstGroupAccuracy(), "TRAINING", false);
    }

    static KpiSnapshot snapshot(KpiSnapshot.Origin origin, SplitEvaluation e, KpiSnapshot.Selection selection) {
        int correct = e.groups().stream().mapToInt(GroupResult::correct).sum();
        Figure accuracy = Intervals.wilson(correct, e.n());
        Figure worst = new Figure(e.worstGroupAccuracy(), e.worstGroupCiLow(), e.worstGroupCiHigh());
        int worstN = e.groups().stream().filter(g -> g.group().equals(e.worstGroup())).mapToInt(GroupResult::n)
                .findFirst().orElse(0);
        int smallest = e.groups().stream().min(Comparator.comparingInt(GroupResult::n)).map(GroupResult::n).orElse(0);
        return new KpiSnapshot(origin, e.n(), e.worstGroup(), worstN, smallest, accuracy, worst,
                Intervals.averageOfGroups(e.groups(), e.averageGroupAccuracy()), Intervals.gap(accuracy, worst, e.gap()),
                selection);
    }

    /** What the training run's details say about validation (written by the TRAIN step). */
    record TrainingFigures(Double validationWorstGroupAccuracy, boolean validationUsedForFitting) {

        static TrainingFigures of(String details) {
            if (details == null || details.isBlank()) {
                return new TrainingFigures(null, false);
            }
            JsonNode json;
            try {
                json = Json.read(details, JsonNode.class);
            } catch (IllegalStateException unreadable) {
                // Details of trainings before issue 10 wrote NaN without a val split: not JSON, no figure.
                return new TrainingFigures(null, false);
            }
            JsonNode wga = json.path("validationWorstGroupAccuracy");
            return new TrainingFigures(wga.isNumber() && Double.isFinite(wga.asDouble()) ? wga.asDouble() : null,
                    json.path("validationUsedForFitting").asBoolean(false));
        }
    }
}
