package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Jobs extends JpaRepository<Job, Long> {
    List<Job> findByExperimentIdOrderByStepIndex(long experimentId);

    @Query("select j from Job j where :jobId member of j.dependencies")
    List<Job> findDependants(@Param("jobId") long jobId);

    List<Job> findByStatusIn(Collection<JobStatus> statuses);

    List<Job> findTop50ByStatusInOrderByIdDesc(Collection<JobStatus> statuses);

    @Query("select j from Job j where j.status in :statuses "
            + "and j.experimentId in (select e.id from Experiment e where e.projectId = :projectId)")
    List<Job> findByProjectAndStatusIn(@Param("projectId") long projectId,
                                       @Param("statuses") Collection<JobStatus> statuses);

    /**
     * The one way into RUNNING: a conditional update, so two firings of the same job (which Quartz
     * should never produce) still cannot both start it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Job j set j.status = :running, j.startedAt = :at, j.progress = 0, j.message = :message, "
            + "j.node = :node where j.id = :id and j.status in :from and j.cancelRequested = false")
    int start(@Param("id") long id, @Param("from") Collection<JobStatus> from, @Param("running") JobStatus running,
              @Param("at") Instant at, @Param("message") String message, @Param("node") String node);
}
