package com.spurlab.core.experiment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Jobs extends JpaRepository<Job, Long> {
    List<Job> findByExperimentIdOrderByStepIndex(long experimentId);

    List<Job> findByDependsOn(long jobId);

    List<Job> findByStatusIn(Collection<JobStatus> statuses);
}
