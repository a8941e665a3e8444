package com.spurlab.core.dataset;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting a dataset version (leads only): its samples and row go in one transaction, then the blobs
 * that no other version references. A version still validating, one that experiments were planned on, or the
 * source of derived versions (which share its images) is kept with an error that says what to do.
 */
@Service
public class DatasetDeletion {

    private static final Logger log = LoggerFactory.getLogger(DatasetDeletion.class);

    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final ProjectAccess access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlobReferences references;

    DatasetDeletion(DatasetVersions versions, DatasetService datasets, ProjectAccess access, JdbcTemplate jdbc,
                    TransactionTemplate tx, BlobReferences references) {
        this.versions = versions;
        this.datasets = datasets;
        this.access = access;
        this.jdbc = jdbc;
        this.tx = tx;
        this.references = references;
    }

    /** Deletes the version; returns how many blobs were freed (those only it used). */
    public int delete(long versionId) {
        DatasetVersion found = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("dataset version", versionId));
        access.require(found.getProjectId(), Capability.MANAGE);
        Set<String> hashes = tx.execute(status -> {
            DatasetVersion version = versions.lockById(versionId)
                    .orElseThrow(() -> new NotFoundException("dataset version", versionId));
            if (version.getStatus() == DatasetStatus.VALIDATING) {
                throw new InvalidRequestException("dataset_validating", version.getName() + " v"
                        + version.getVersion() + " is still being validated; delete it once it is READY or REJECTED");
            }
            List<DatasetVersion> derived = versions.findByDerivedFrom(versionId);
            if (!derived.isEmpty()) {
                throw new InvalidRequestException("dataset_has_derived", version.getName() + " v" + version.getVersion()
                        + " is the source of " + derived.stream().map(d -> d.getName() + " v" + d.getVersion())
                        .collect(Collectors.joining(", ")) + ", which share its images; it is kept while they exist");
            }
            if (version.getDerivedFrom() != null) {
                throw new InvalidRequestException("dataset_derived", version.getName() + " v" + version.getVersion()
                        + " was derived by job " + version.getDerivedByJob() + " from version "
                        + version.getDerivedFrom() + "; a derived version is deleted only with its source");
            }
            Integer experiments = jdbc.queryForObject("select count(*) from experiment where dataset_version_id = ?",
                    Integer.class, versionId);
            if (experiments != null && experiments > 0) {
                throw new InvalidRequestException("dataset_in_use", version.getName() + " v" + version.getVersion()
                        + " is used by " + experiments + " experiment(s); their runs and metrics refer to it, so it "
                        + "is kept (upload a new version instead)");
            }
            Set<String> used = new HashSet<>(jdbc.queryForList(
                    "select image_hash from sample where dataset_version_id = ?", String.class, versionId));
            used.addAll(jdbc.queryForList("select mask_hash from sample where dataset_version_id = ? "
                    + "and mask_hash is not null", String.class, versionId));
            jdbc.update("delete from sample where dataset_version_id = ?", versionId);
            versions.delete(version);
            return used;
        });
        int freed = references.removeUnreferenced(hashes);
        try {
            Files.deleteIfExists(datasets.archivePath(versionId));
        } catch (IOException e) {
            log.warn("cannot remove the archive of dataset version {}: {}", versionId, e.getMessage());
        }
        log.info("dataset version {} deleted; {} of its {} blobs were used by no other version", versionId, freed,
                hashes.size());
        return freed;
    }
}
