package com.spurlab.core.dataset;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DatasetVersions extends JpaRepository<DatasetVersion, Long> {

    List<DatasetVersion> findByProjectIdOrderByIdDesc(long projectId);

    List<DatasetVersion> findByProjectIdAndUploadedByOrderByIdDesc(long projectId, long uploadedBy);

    /** Locks the row: two validations of one version (a recovered job, a demo) must not both write samples. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from DatasetVersion v where v.id = :id")
    java.util.Optional<DatasetVersion> lockById(long id);

    /**
     * Locks the project's row for the rest of the transaction: uploads to one project take version
     * numbers one at a time, so concurrent uploads of one name get n+1, n+2, … instead of a clash.
     */
    @Query(value = "select id from project where id = :projectId for update", nativeQuery = true)
    java.util.List<Long> lockProject(long projectId);

    List<DatasetVersion> findByStatus(DatasetStatus status);

    java.util.Optional<DatasetVersion> findByDerivedByJob(long jobId);

    List<DatasetVersion> findByDerivedFrom(long sourceId);

    @Query("select coalesce(max(v.version), 0) from DatasetVersion v where v.projectId = :projectId and v.name = :name")
    int maxVersion(long projectId, String name);

    /** The highest number of a version of the name that validation did not reject (still validating counts). */
    @Query("select coalesce(max(v.version), 0) from DatasetVersion v where v.projectId = :projectId and v.name = :name"
            + " and v.status <> com.spurlab.core.dataset.DatasetStatus.REJECTED")
    int maxAcceptedVersion(long projectId, String name);

    /** Rejected uploads give up numbers from {@code from} on: each takes minus its id (unique, never shown). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update DatasetVersion v set v.version = -v.id where v.projectId = :projectId and v.name = :name"
            + " and v.status = com.spurlab.core.dataset.DatasetStatus.REJECTED and v.version >= :from")
    int releaseRejectedNumbers(long projectId, String name, int from);
}
