package com.spurlab.core.dataset;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates a VALIDATING version (run by the scheduler): reads the archive in one pass, then in one
 * transaction writes all samples and marks it READY, or marks it REJECTED and removes the blobs only
 * it had brought in, so a rejected upload leaves nothing behind.
 */
@Service
public class DatasetValidation {

    private static final Logger log = LoggerFactory.getLogger(DatasetValidation.class);

    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final StorageSettings storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DatasetValidation(DatasetVersions versions, DatasetService datasets, BlobStore blobs, StorageSettings storage,
                      JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.versions = versions;
        this.datasets = datasets;
        this.blobs = blobs;
        this.storage = storage;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Idempotent: a version already decided is left as it is (a recovered job may run twice). */
    public DatasetStatus validate(long versionId) throws IOException {
        DatasetVersion version = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("dataset version", versionId));
        if (version.getStatus() != DatasetStatus.VALIDATING) {
            return version.getStatus();
        }
        Path archive = datasets.archivePath(versionId);
        var reader = new ManifestArchiveReader(blobs, storage.maxEntryBytes(), storage.maxImagePixels());
        ManifestArchiveReader.Result result = reader.read(archive);
        DatasetStatus status = result.accepted() ? accept(versionId, result) : reject(versionId, result);
        if (status != DatasetStatus.VALIDATING) {
            Files.deleteIfExists(archive);
        }
        log.info("dataset version {}: {} ({} of {} rows accepted)", versionId, status, result.report().accepted(),
                result.report().rows());
        return status;
    }

    /** The validation job itself broke (I/O, a bug): the version is rejected with the cause, never left VALIDATING. */
    public void failed(long versionId, String cause) {
        var report = new ValidationReport(ManifestArchiveReader.FORMAT, 0, 0, "REJECTED", List.of(
                new ValidationReport.Problem(ValidationReport.Severity.ERROR, null, null,
                        "validation could not finish: " + cause, 1)));
        tx.executeWithoutResult(status -> versions.lockById(versionId)
                .filter(v -> v.getStatus() == DatasetStatus.VALIDATING)
                .ifPresent(v -> v.reject(ManifestArchiveReader.FORMAT, Json.write(report), clock.instant())));
    }

    private DatasetStatus accept(long versionId, ManifestArchiveReader.Result result) {
        var rows = result.samples().stream()
                .map(s -> new CompositionCalculator.Row(s.label(), s.split(), s.attributes())).toList();
        Composition composition = CompositionCalculator.of(rows);
        return tx.execute(status -> {
            DatasetVersion version = versions.lockById(versionId).orElseThrow();
            if (version.getStatus() != DatasetStatus.VALIDATING) {
                return version.getStatus();
            }
            jdbc.batchUpdate("insert into sample (dataset_version_id, path, image_hash, mask_hash, label, split, "
                            + "caption, attributes, width, height) values (?,?,?,?,?,?,?,?,?,?)",
                    result.samples(), 1000, (ps, s) -> {
                        ps.setLong(1, versionId);
                        ps.setString(2, s.path());
                        ps.setString(3, s.imageHash());
                        ps.setString(4, s.maskHash());
                        ps.setString(5, s.label());
                        ps.setString(6, s.split());
                        ps.setString(7, s.caption());
                        ps.setString(8, Json.write(s.attributes()));
                        ps.setInt(9, s.width());
                        ps.setInt(10, s.height());
                    });
            version.accept(ManifestArchiveReader.FORMAT, result.samples().size(), Json.write(result.report()),
                    Json.write(composition), clock.instant());
            return DatasetStatus.READY;
        });
    }

    private DatasetStatus reject(long versionId, ManifestArchiveReader.Result result) {
        DatasetStatus decided = tx.execute(status -> {
            DatasetVersion version = versions.lockById(versionId).orElseThrow();
            if (version.getStatus() == DatasetStatus.VALIDATING) {
                version.reject(ManifestArchiveReader.FORMAT, Json.write(result.report()), clock.instant());
            }
            return version.getStatus();
        });
        removeUnreferenced(result.newBlobs());
        return decided;
    }

    private void removeUnreferenced(List<String> hashes) {
        for (String hash : hashes) {
            Integer uses = jdbc.queryForObject(
                    "select count(*) from sample where image_hash = ? or mask_hash = ?", Integer.class, hash, hash);
            if (uses != null && uses == 0) {
                try {
                    Files.deleteIfExists(blobs.path(hash));
                } catch (IOException e) {
                    log.warn("cannot remove blob {}: {}", hash, e.getMessage());
                }
            }
        }
    }
}
