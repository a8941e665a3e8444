package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Jobs extends JpaRepository<Job, Long> {

    /** The statuses of an experiment's jobs, read from the database (not from entities this transaction holds). */
    @Query("select j.status from Job j where j.experimentId = :experimentId")
    List<JobStatus> statusesOf(@Param("experimentId") long experimentId);

    List<Job> findByExperimentIdOrderByStepIndex(long experimentId);

    @Query("select j from Job j where :jobId member of j.dependencies")
    List<Job> findDependants(@Param("jobId") long jobId);

    List<Job> findByStatusIn(Collection<JobStatus> statuses);

    List<Job> findTop50ByStatusInOrderByIdDesc(Collection<JobStatus> statuses);

    List<Job> findByProjectIdAndStatusIn(long projectId, Collection<JobStatus> statuses);

    List<Job> findTop50ByProjectIdAndStatusInOrderByIdDesc(long projectId, Collection<JobStatus> statuses);

    List<Job> findByExperimentIdInOrderByStepIndex(Collection<Long> experimentIds);

    /** The jobs that name a dataset version as their input, e.g. its validations. */
    List<Job> findByTypeAndInputDatasetVersionIdOrderById(String type, long datasetVersionId);

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
