package com.spurlab.core.run;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Runs extends JpaRepository<Run, Long> {
    List<Run> findByProjectIdAndKindOrderById(long projectId, RunKind kind);

    Optional<Run> findFirstByProjectIdAndKindOrderByIdDesc(long projectId, RunKind kind);

    /** The newest evaluation of a trained model. */
    Optional<Run> findFirstByModelRunIdOrderByIdDesc(long modelRunId);
}
