package com.spurlab.core.run;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Runs extends JpaRepository<Run, Long> {
    List<Run> findByProjectIdAndKindOrderById(long projectId, RunKind kind);
}
