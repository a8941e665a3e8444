package com.spurlab.core.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project's target for one metric: at least (higher is better) or at most (lower is better). */
@Entity
@Table(name = "kpi_target")
class KpiTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private long projectId;

    @Enumerated(EnumType.STRING)
    private KpiMetric metric;

    private String direction;

    private double threshold;

    protected KpiTarget() {
    }

    KpiTarget(long projectId, KpiMetric metric, double threshold) {
        this.projectId = projectId;
        this.metric = metric;
        this.direction = metric.higherIsBetter() ? "MIN" : "MAX";
        this.threshold = threshold;
    }

    KpiMetric getMetric() {
        return metric;
    }

    double getThreshold() {
        return threshold;
    }

    void setThreshold(double threshold) {
        this.threshold = threshold;
    }
}
