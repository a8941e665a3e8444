package com.spurlab.core.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Accuracy within one group (label × attribute values) of one split, with its count. */
@Entity
@Table(name = "group_metrics")
class GroupMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_name")
    private String groupName;

    private int n;

    private int correct;

    private double accuracy;

    @Column(name = "too_small")
    private boolean tooSmall;

    protected GroupMetric() {
    }

    GroupMetric(GroupResult result) {
        this.groupName = result.group();
        this.n = result.n();
        this.correct = result.correct();
        this.accuracy = result.accuracy();
        this.tooSmall = result.tooSmall();
    }

    GroupResult toResult() {
        return new GroupResult(groupName, n, correct, accuracy, tooSmall);
    }
}
