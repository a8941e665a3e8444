package com.spurlab.core.run;

import com.spurlab.core.step.ArtifactType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Artifacts extends JpaRepository<Artifact, Long> {
    List<Artifact> findByJobIdInOrderById(Collection<Long> jobIds);

    List<Artifact> findByRunIdOrderById(long runId);

    Optional<Artifact> findFirstByRunIdAndTypeOrderById(long runId, ArtifactType type);

    List<Artifact> findByJobIdOrderById(long jobId);
}
