package com.spurlab.core.dataset;

import com.spurlab.core.Json;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import com.spurlab.core.user.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploading dataset versions and reading them, with the vendor/lead rules of DESIGN.md. */
@Service
@Transactional(readOnly = true)
public class DatasetService {

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);
    private static final ReentrantLock[] PROJECT_LOCKS = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock(true))
            .toArray(ReentrantLock[]::new);

    private final DatasetVersions versions;
    private final Samples samples;
    private final ProjectAccess access;
    private final UserService users;
    private final StorageSettings storage;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final com.spurlab.core.storage.BlobStore blobs;
    private final UploadLimits uploadLimits;
    private final TransactionTemplate tx;

    DatasetService(DatasetVersions versions, Samples samples, ProjectAccess access, UserService users,
                   StorageSettings storage, ApplicationEventPublisher events, Clock clock,
                   com.spurlab.core.storage.BlobStore blobs, UploadLimits uploadLimits, TransactionTemplate tx) {
        this.versions = versions;
        this.samples = samples;
        this.access = access;
        this.users = users;
        this.storage = storage;
        this.events = events;
        this.clock = clock;
        this.blobs = blobs;
        this.uploadLimits = uploadLimits;
        this.tx = tx;
    }

    /**
     * Streams the archive to the uploads folder (capped by the caller's role, never whole in memory), records
     * a VALIDATING version n+1 of the named dataset and announces it; validation runs as a job. No
     * transaction is held while the bytes arrive; the version number is taken under the project's row lock.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DatasetVersionView upload(long projectId, String name, String archiveName, InputStream content) {
        SpurLabPrincipal caller = access.require(projectId, Capability.UPLOAD);
        String datasetName = checkName(name);
        Path staged = new UploadStaging(storage.uploads(), maxUploadBytes(caller.role())).stage(content);
        try {
            long size = Files.size(staged);
            if (size == 0) {
                throw new InvalidRequestException("empty_upload", "the uploaded file is empty");
            }
            String original = archiveName == null || archiveName.isBlank() ? "upload.zip" : archiveName;
            String stored = original.length() > 500 ? original.substring(0, 500) : original;
            // One upload per project records its version at a time in this process, so concurrent uploads wait
            // here rather than each holding a database connection while it waits for the project's row lock.
            ReentrantLock lock = PROJECT_LOCKS[(int) Math.floorMod(projectId, (long) PROJECT_LOCKS.length)];
            lock.lock();
            try {
                return tx.execute(status -> record(projectId, datasetName, stored, size, staged, caller));
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                log.warn("cannot remove staged upload {}: {}", staged.getFileName(), e.getMessage());
            }
        }
    }

    /** The largest upload the role may send, in bytes. */
    public long maxUploadBytes(Role role) {
        return uploadLimits.maxBytes(role, storage.maxUploadBytes());
    }

    private DatasetVersionView record(long projectId, String datasetName, String archiveName, long size, Path staged,
                                      SpurLabPrincipal caller) {
        versions.lockProject(projectId);
        int next = nextVersionNumber(projectId, datasetName);
        DatasetVersion version = versions.save(new DatasetVersion(projectId, datasetName, next, caller.id(),
                archiveName, size, clock.instant()));
        version.rootItself();
        Path archive = archivePath(version.getId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(archive);
                    } catch (IOException e) {
                        log.warn("cannot remove the archive of a version not recorded: {}", e.getMessage());
                    }
                }
            }
        });
        try {
            Files.move(staged, archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
        events.publishEvent(new DatasetUploaded(version.getId(), projectId));
        return DatasetVersionView.of(version, caller.getUsername());
    }

    /**
     * Version numbers count accepted data only: the number after the highest version that was not rejected.
     * A rejected upload holding that number gives it up (it keeps a negative placeholder, unique per row,
     * and reads "name · rejected upload"), so rejections leave no gaps: v1, (rejected), v2 — not v1, v3.
     */
    private int nextVersionNumber(long projectId, String datasetName) {
        int next = versions.maxAcceptedVersion(projectId, datasetName) + 1;
        versions.releaseRejectedNumbers(projectId, datasetName, next);
        return next;
    }

    /** Leads see every version of their projects; vendors only the ones they uploaded. */
    public List<DatasetVersionView> list(long projectId) {
        SpurLabPrincipal caller = access.require(projectId, Capability.UPLOAD);
        List<DatasetVersion> found = caller.role() == Role.VENDOR
                ? versions.findByProjectIdAndUploadedByOrderByIdDesc(projectId, caller.id())
                : versions.findByProjectIdOrderByIdDesc(projectId);
        return found.stream().map(this::view).toList();
    }

    public DatasetVersionView get(long versionId) {
        DatasetVersion version = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("dataset version", versionId));
        SpurLabPrincipal caller = access.require(version.getProjectId(), Capability.UPLOAD);
        if (caller.role() == Role.VENDOR && version.getUploadedBy() != caller.id()) {
            // Another vendor's upload is hidden like a missing one: vendors must not learn of each other's data.
            throw new NotFoundException("dataset version", versionId);
        }
        return view(version);
    }

    /** "name vN" of every version of a project by id, for result views (executives too): one query. */
    public java.util.Map<Long, String> versionLabels(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        versions.findByProjectIdOrderByIdDesc(projectId).forEach(v -> out.put(v.getId(), DatasetVersionView.label(v.getName(),
                v.getVersion())));
        return out;
    }

    /** READY versions of a project, for planning experiments (leads). */
    public List<DatasetVersionView> readyVersions(long projectId) {
        access.require(projectId, Capability.MANAGE);
        return versions.findByProjectIdOrderByIdDesc(projectId).stream()
                .filter(v -> v.getStatus() == DatasetStatus.READY).map(this::view).toList();
    }

    /** Samples of a READY version with their blob paths, for jobs (no caller: the scheduler runs it). */
    public List<SampleRecord> samplesForJob(long versionId) {
        return samples.findByDatasetVersionIdOrderById(versionId).stream()
                .map(s -> new SampleRecord(s.getId(), blobs.path(s.getImageHash()), s.getLabel(), s.getSplit(),
                        s.getCaption(), Json.readStringMap(s.getAttributes(), "attributes"),
                        s.getMaskHash() == null ? null : blobs.path(s.getMaskHash()), s.getOriginSampleId()))
                .toList();
    }

    /**
     * What a split of a version holds, for plans (a step's default sources, whether it will need the training slot);
     * no access check: the planner has checked the version.
     *
     * @param samples   samples in the split
     * @param captioned those with a caption
     * @param masked    those with a foreground mask
     */
    public record SplitContents(int samples, int captioned, int masked) {
    }

    public SplitContents splitContents(long versionId, String split) {
        Object[] row = samples.countContents(versionId, split).get(0);
        return new SplitContents(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue());
    }

    /** The version without access checks, for jobs. */
    public DatasetVersionView getForJob(long versionId) {
        return view(versions.findById(versionId).orElseThrow(() -> new NotFoundException("dataset version", versionId)));
    }

    /** The labels ("shelf v3") of the versions that still exist, by id, without access checks: one query. */
    public java.util.Map<Long, String> labelsForJobs(java.util.Collection<Long> versionIds) {
        return versions.findAllById(versionIds).stream().collect(java.util.stream.Collectors.toMap(DatasetVersion::getId,
                v -> DatasetVersionView.label(v.getName(), v.getVersion())));
    }

    /** Versions still being validated (for the start-up check that none was left without a job). */
    public List<Long> validatingVersionIds() {
        return versions.findByStatus(DatasetStatus.VALIDATING).stream().map(DatasetVersion::getId).toList();
    }

    /** Where an upload's archive waits for its validation. */
    public Path archiveOf(long versionId) {
        return archivePath(versionId);
    }

    Path archivePath(long versionId) {
        return storage.uploads().resolve("version-" + versionId + ".archive");
    }

    private DatasetVersionView view(DatasetVersion v) {
        String uploader = users.findById(v.getUploadedBy()).map(AppUser::getUsername).orElse("?");
        return DatasetVersionView.of(v, uploader);
    }

    private static String checkName(String name) {
        if (name == null || !name.strip().matches("[\\p{L}\\p{N} ._-]{1,200}")) {
            throw new InvalidRequestException("invalid_dataset_name",
                    "a dataset name is 1-200 letters, digits, spaces, '.', '_' or '-'");
        }
        return name.strip();
    }
}
