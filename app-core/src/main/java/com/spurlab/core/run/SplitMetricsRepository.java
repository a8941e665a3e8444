package com.spurlab.core.run;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SplitMetricsRepository extends JpaRepository<SplitMetrics, Long> {
    List<SplitMetrics> findByRunIdOrderBySplit(long runId);

    /** The headline figures of many runs' splits, without loading their groups. */
    @Query("select new com.spurlab.core.run.SplitSummary(m.runId, m.split, m.n, m.accuracy, m.worstGroupAccuracy, "
            + "m.worstGroup, m.wgaCiLow, m.wgaCiHigh, m.averageGroupAccuracy, m.gap, m.groupBy) "
            + "from SplitMetrics m where m.runId in :runIds order by m.runId, m.split")
    List<SplitSummary> summariesOf(Collection<Long> runIds);
}
