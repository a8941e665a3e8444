package com.spurlab.core.dataset;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Samples extends JpaRepository<Sample, Long> {
    List<Sample> findByDatasetVersionIdOrderById(long datasetVersionId);

    /** One row: samples of the split, those with a caption, those with a mask. */
    @Query("select count(s), coalesce(sum(case when s.caption is not null and s.caption <> '' then 1 else 0 end), 0), "
            + "count(s.maskHash) from Sample s where s.datasetVersionId = :versionId and s.split = :split")
    List<Object[]> countContents(long versionId, String split);
}
