package com.spurlab.core.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The evaluation a project named as its KPI baseline. */
@Entity
@Table(name = "kpi_baseline")
class KpiBaseline {

    @Id
    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "evaluation_run_id")
    private long evaluationRunId;

    protected KpiBaseline() {
    }

    KpiBaseline(long projectId, long evaluationRunId) {
        this.projectId = projectId;
        this.evaluationRunId = evaluationRunId;
    }

    long getEvaluationRunId() {
        return evaluationRunId;
    }

    void setEvaluationRunId(long evaluationRunId) {
        this.evaluationRunId = evaluationRunId;
    }
}
