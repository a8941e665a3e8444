package com.spurlab.core.run;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The metrics of one evaluation run on one split. */
@Entity
@Table(name = "split_metrics")
class SplitMetrics {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id")
    private long runId;

    private String split;

    private int n;

    private double accuracy;

    @Column(name = "worst_group_accuracy")
    private double worstGroupAccuracy;

    @Column(name = "worst_group")
    private String worstGroup;

    @Column(name = "wga_ci_low")
    private double wgaCiLow;

    @Column(name = "wga_ci_high")
    private double wgaCiHigh;

    @Column(name = "average_group_accuracy")
    private double averageGroupAccuracy;

    private double gap;

    @Column(name = "group_by")
    private String groupBy;

    // Read for many splits at once (a project's evaluations): one query per 256 splits, not one per split.
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "split_metrics_id", nullable = false)
    @OrderBy("groupName")
    @org.hibernate.annotations.BatchSize(size = 256)
    private List<GroupMetric> groups = new ArrayList<>();

    protected SplitMetrics() {
    }

    SplitMetrics(long runId, SplitEvaluation e) {
        this.runId = runId;
        this.split = e.split();
        this.n = e.n();
        this.accuracy = e.accuracy();
        this.worstGroupAccuracy = e.worstGroupAccuracy();
        this.worstGroup = e.worstGroup();
        this.wgaCiLow = e.worstGroupCiLow();
        this.wgaCiHigh = e.worstGroupCiHigh();
        this.averageGroupAccuracy = e.averageGroupAccuracy();
        this.gap = e.gap();
        this.groupBy = e.groupBy();
        e.groups().forEach(g -> groups.add(new GroupMetric(g)));
    }

    long getRunId() {
        return runId;
    }

    SplitEvaluation toEvaluation() {
        return new SplitEvaluation(split, n, accuracy, worstGroupAccuracy, worstGroup, wgaCiLow, wgaCiHigh,
                averageGroupAccuracy, gap, groupBy, groups.stream().map(GroupMetric::toResult).toList());
    }
}
