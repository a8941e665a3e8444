package com.spurlab.core.kpi;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface KpiTargets extends JpaRepository<KpiTarget, Long> {
    List<KpiTarget> findByProjectIdOrderById(long projectId);

    Optional<KpiTarget> findByProjectIdAndMetric(long projectId, KpiMetric metric);
}
