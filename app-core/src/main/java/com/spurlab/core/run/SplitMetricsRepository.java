package com.spurlab.core.run;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SplitMetricsRepository extends JpaRepository<SplitMetrics, Long> {
    List<SplitMetrics> findByRunIdOrderBySplit(long runId);
}
