package com.spurlab.core.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The figures of one split of one finished evaluation, with their intervals, and what they are
 * comparable with: snapshots of the same lineage root, groupBy and split. {@code validationWga} is
 * the figure that chooses the "best" model (never a test figure).
 */
@Entity
@Table(name = "kpi_snapshot")
class KpiSnapshot {

    static final int TOO_SMALL = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "experiment_id")
    private long experimentId;

    @Column(name = "evaluation_run_id")
    private long evaluationRunId;

    @Column(name = "model_run_id")
    private long modelRunId;

    @Column(name = "dataset_version_id")
    private long datasetVersionId;

    @Column(name = "lineage_root_id")
    private long lineageRootId;

    @Column(name = "group_by")
    private String groupBy;

    private String split;

    private String method;

    private int n;

    private double accuracy;

    @Column(name = "accuracy_ci_low")
    private double accuracyCiLow;

    @Column(name = "accuracy_ci_high")
    private double accuracyCiHigh;

    @Column(name = "worst_group_accuracy")
    private double worstGroupAccuracy;

    @Column(name = "wga_ci_low")
    private double wgaCiLow;

    @Column(name = "wga_ci_high")
    private double wgaCiHigh;

    @Column(name = "worst_group")
    private String worstGroup;

    @Column(name = "worst_group_n")
    private int worstGroupN;

    @Column(name = "smallest_group_n")
    private int smallestGroupN;

    @Column(name = "average_group_accuracy")
    private double averageGroupAccuracy;

    @Column(name = "agc_ci_low")
    private double agcCiLow;

    @Column(name = "agc_ci_high")
    private double agcCiHigh;

    private double gap;

    @Column(name = "gap_ci_low")
    private double gapCiLow;

    @Column(name = "gap_ci_high")
    private double gapCiHigh;

    @Column(name = "used_for_fitting")
    private boolean usedForFitting;

    @Column(name = "validation_wga")
    private Double validationWga;

    @Column(name = "validation_source")
    private String validationSource;

    @Column(name = "created_at")
    private Instant createdAt;

    protected KpiSnapshot() {
    }

    /** Where a snapshot comes from and what it is comparable with. */
    record Origin(long projectId, long experimentId, long evaluationRunId, long modelRunId, long datasetVersionId,
                  long lineageRootId, String groupBy, String split, String method, Instant createdAt) {
    }

    /** How the model behind a snapshot is chosen: its validation worst-group accuracy and where that was measured. */
    record Selection(Double validationWga, String source, boolean usedForFitting) {
    }

    KpiSnapshot(Origin origin, int n, String worstGroup, int worstGroupN, int smallestGroupN, Figure accuracy,
                Figure worstGroupAccuracy, Figure averageGroupAccuracy, Figure gap, Selection selection) {
        this.projectId = origin.projectId();
        this.experimentId = origin.experimentId();
        this.evaluationRunId = origin.evaluationRunId();
        this.modelRunId = origin.modelRunId();
        this.datasetVersionId = origin.datasetVersionId();
        this.lineageRootId = origin.lineageRootId();
        this.groupBy = origin.groupBy();
        this.split = origin.split();
        this.method = origin.method();
        this.createdAt = origin.createdAt();
        this.n = n;
        this.worstGroup = worstGroup;
        this.worstGroupN = worstGroupN;
        this.smallestGroupN = smallestGroupN;
        this.accuracy = accuracy.value();
        this.accuracyCiLow = accuracy.low();
        this.accuracyCiHigh = accuracy.high();
        this.worstGroupAccuracy = worstGroupAccuracy.value();
        this.wgaCiLow = worstGroupAccuracy.low();
        this.wgaCiHigh = worstGroupAccuracy.high();
        this.averageGroupAccuracy = averageGroupAccuracy.value();
        this.agcCiLow = averageGroupAccuracy.low();
        this.agcCiHigh = averageGroupAccuracy.high();
        this.gap = gap.value();
        this.gapCiLow = gap.low();
        this.gapCiHigh = gap.high();
        this.validationWga = selection.validationWga();
        this.validationSource = selection.source();
        this.usedForFitting = selection.usedForFitting();
    }

    Figure accuracy() {
        return new Figure(accuracy, accuracyCiLow, accuracyCiHigh);
    }

    Figure worstGroupAccuracy() {
        return new Figure(worstGroupAccuracy, wgaCiLow, wgaCiHigh);
    }

    Figure averageGroupAccuracy() {
        return new Figure(averageGroupAccuracy, agcCiLow, agcCiHigh);
    }

    Figure gap() {
        return new Figure(gap, gapCiLow, gapCiHigh);
    }

    /** Snapshots with equal scopes measure the same thing: same lineage root, groupBy and split. */
    SnapshotScope scope() {
        return new SnapshotScope(lineageRootId, groupBy, split);
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    long getExperimentId() {
        return experimentId;
    }

    long getEvaluationRunId() {
        return evaluationRunId;
    }

    long getModelRunId() {
        return modelRunId;
    }

    long getDatasetVersionId() {
        return datasetVersionId;
    }

    long getLineageRootId() {
        return lineageRootId;
    }

    String getSplit() {
        return split;
    }

    String getMethod() {
        return method;
    }

    int getN() {
        return n;
    }

    String getWorstGroup() {
        return worstGroup;
    }

    int getWorstGroupN() {
        return worstGroupN;
    }

    int getSmallestGroupN() {
        return smallestGroupN;
    }

    boolean isUsedForFitting() {
        return usedForFitting;
    }

    Double getValidationWga() {
        return validationWga;
    }

    String getValidationSource() {
        return validationSource;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
