package com.spurlab.core.kpi;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface KpiSnapshots extends JpaRepository<KpiSnapshot, Long> {
    List<KpiSnapshot> findByProjectIdAndSplitOrderById(long projectId, String split);

    List<KpiSnapshot> findByEvaluationRunId(long evaluationRunId);
}
