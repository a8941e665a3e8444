package com.spurlab.core.dataset;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.step.StepCancelledException;
import com.spurlab.core.step.StepProgress;
import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates a VALIDATING version (run by the scheduler): reads the archive in one streaming pass
 * (reporting progress), then in one transaction writes all samples and marks it READY, or marks it
 * REJECTED and removes the blobs only it had brought in, so a rejected upload leaves nothing behind.
 */
@Service
public class DatasetValidation {

    /** The step type of validation jobs. */
    public static final String STEP_TYPE = "VALIDATE";

    private static final Logger log = LoggerFactory.getLogger(DatasetValidation.class);

    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final StorageSettings storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BlobReferences references;

    DatasetValidation(DatasetVersions versions, DatasetService datasets, BlobStore blobs, StorageSettings storage,
                      JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, BlobReferences references) {
        this.versions = versions;
        this.datasets = datasets;
        this.blobs = blobs;
        this.storage = storage;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.references = references;
    }

    /** How a validation ended, for the job's message. */
    public record Outcome(DatasetStatus status, int accepted, int rows) {
        public String summary() {
            return status + (rows > 0 ? " (" + accepted + " of " + rows + " rows accepted)" : "");
        }
    }

    /** Validates without a job to report to (tests, benchmarks). */
    public DatasetStatus validate(long versionId) throws IOException {
        return validate(versionId, null).status();
    }

    /**
     * Idempotent: a version already decided is left as it is (a recovered job may run twice). With a job's
     * {@code progress}, the share read is reported to the job too, and a cancel request rejects the upload.
     */
    public Outcome validate(long versionId, StepProgress job) throws IOException {
        DatasetVersion version = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("dataset version", versionId));
        if (version.getStatus() != DatasetStatus.VALIDATING) {
            return new Outcome(version.getStatus(), version.getSampleCount(), 0);
        }
        Path archive = datasets.archivePath(versionId);
        // Expanded bytes are capped at a multiple of the largest upload allowed, besides the per-archive ratio.
        var reader = new DatasetArchiveReader(blobs, storage.maxEntryBytes(), storage.maxImagePixels(),
                saturatedMultiply(storage.maxUploadBytes(), ArchiveScan.MAX_EXPANSION),
                Runtime.getRuntime().availableProcessors());
        Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
        DatasetArchiveReader.Result result;
        try {
            result = reader.read(archive, new ProgressWriter(versionId, job), stored);
        } catch (IOException | RuntimeException e) {
            // Rejected first (the clean-up spares blobs of versions still validating), then the blobs stored
            // so far go back; the job still fails with the cause (its own failed() call is then a no-op).
            failed(versionId, e instanceof StepCancelledException ? "validation cancelled by a lead"
                    : e.getClass().getSimpleName());
            references.removeUnreferenced(stored);
            throw e;
        }
        DatasetStatus status;
        try {
            status = result.accepted() ? accept(versionId, result) : reject(versionId, result);
        } catch (RuntimeException e) {
            // Storing the samples failed (a database error): rejected, and everything this validation wrote goes.
            failed(versionId, e.getClass().getSimpleName());
            references.removeUnreferenced(stored);
            throw e;
        }
        if (status != DatasetStatus.VALIDATING) {
            Files.deleteIfExists(archive);
        }
        log.info("dataset version {}: {} ({} of {} rows accepted)", versionId, status, result.report().accepted(),
                result.report().rows());
        return new Outcome(status, result.report().accepted(), result.report().rows());
    }

    /**
     * The validation job itself broke (I/O, a bug, a cancel): the version is rejected, never left VALIDATING.
     * The uploader reads the report, so SQL and server paths in the cause are left out (they belong in the
     * server log).
     */
    public void failed(long versionId, String cause) {
        var report = new ValidationReport(null, null, 0, 0, "REJECTED", List.of(
                new ValidationReport.Problem(ValidationReport.Severity.ERROR, null, null,
                        "validation could not finish: " + redact(cause), 1)));
        tx.executeWithoutResult(status -> versions.lockById(versionId)
                .filter(v -> v.getStatus() == DatasetStatus.VALIDATING)
                .ifPresent(v -> v.reject(null, Json.write(report), clock.instant())));
        try {
            // Not retried: a REJECTED version never reads its archive again.
            Files.deleteIfExists(datasets.archivePath(versionId));
        } catch (IOException e) {
            log.warn("cannot remove the archive of dataset version {}: {}", versionId, e.getMessage());
        }
    }

    private DatasetStatus accept(long versionId, DatasetArchiveReader.Result result) {
        var rows = result.samples().stream()
                .map(s -> new CompositionCalculator.Row(s.label(), s.split(), s.attributes())).toList();
        Composition composition = CompositionCalculator.of(rows);
        DatasetStatus decided = tx.execute(status -> {
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
            version.accept(result.report().format(), result.samples().size(), Json.write(result.report()),
                    Json.write(composition), clock.instant());
            return DatasetStatus.READY;
        });
        // Blobs stored for rows that were excluded (bad attribute, bad mask) are referenced by nobody.
        Set<String> used = new HashSet<>();
        result.samples().forEach(s -> {
            used.add(s.imageHash());
            if (s.maskHash() != null) {
                used.add(s.maskHash());
            }
        });
        references.removeUnreferenced(result.newBlobs().stream().filter(h -> !used.contains(h)).toList());
        return decided;
    }

    private DatasetStatus reject(long versionId, DatasetArchiveReader.Result result) {
        DatasetStatus decided = tx.execute(status -> {
            DatasetVersion version = versions.lockById(versionId).orElseThrow();
            if (version.getStatus() == DatasetStatus.VALIDATING) {
                version.reject(result.report().format(), Json.write(result.report()), clock.instant());
            }
            return version.getStatus();
        });
        references.removeUnreferenced(result.newBlobs());
        return decided;
    }

    /** The cause without SQL statements and server paths, at most 300 characters. */
    static String redact(String cause) {
        String text = cause == null || cause.isBlank() ? "an unknown server error" : cause;
        int sql = -1;
        for (String marker : List.of("PreparedStatementCallback", "SQL [", "could not execute statement", "JDBC")) {
            int at = text.indexOf(marker);
            sql = at >= 0 && (sql < 0 || at < sql) ? at : sql;
        }
        if (sql >= 0) {
            text = text.substring(0, sql) + "a database error (details in the server log)";
        }
        text = text.replaceAll("(?<![\\w.])/(?:[^/\\s:;,\"']+/)+[^/\\s:;,\"']*", "<server path>");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /**
     * Writes the share read to the version row (what the uploader sees) and to the job, at most every 2 % so
     * the database is not flooded; stops the reading when a lead cancelled the job.
     */
    private final class ProgressWriter implements java.util.function.DoubleConsumer {
        private final long versionId;
        private final StepProgress job;
        private double written;

        ProgressWriter(long versionId, StepProgress job) {
            this.versionId = versionId;
            this.job = job;
        }

        @Override
        public void accept(double done) {
            // Reading is most of the work; inserting the samples takes the last part.
            double share = Math.min(0.95, done * 0.95);
            if (share - written >= 0.02) {
                written = share;
                jdbc.update("update dataset_version set progress = ? where id = ? and status = 'VALIDATING'",
                        share, versionId);
                if (job != null) {
                    job.checkCancelled();
                    job.report(share, String.format(java.util.Locale.ROOT, "reading the archive: %.0f%%", share * 100));
                }
            }
        }
    }
}
