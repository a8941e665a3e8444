package com.spurlab.core.run;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Runs extends JpaRepository<Run, Long> {
    List<Run> findByProjectIdAndKindOrderById(long projectId, String kind);

    List<Run> findByProjectIdAndKindOrderByIdDesc(long projectId, String kind);

    Optional<Run> findFirstByProjectIdAndKindOrderByIdDesc(long projectId, String kind);

    /** The newest evaluation of a trained model. */
    Optional<Run> findFirstByModelRunIdAndKindOrderByIdDesc(long modelRunId, String kind);

    Optional<Run> findByJobId(long jobId);

    List<Run> findByJobIdIn(Collection<Long> jobIds);

    List<Run> findByProjectIdAndIdIn(long projectId, Collection<Long> ids);

    long countByProjectIdAndKind(long projectId, String kind);
}
