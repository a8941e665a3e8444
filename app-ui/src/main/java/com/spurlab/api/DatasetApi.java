package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetDeletion;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.SampleView;
import com.spurlab.core.dataset.ValidationReport;
import com.spurlab.core.dataset.VersionDiff;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.run.RunService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Dataset uploads (validated by a job), dataset versions, their samples and images, diffs and deletion. */
@RestController
class DatasetApi {

    record UploadAccepted(long id, int version, DatasetStatus status) {
    }

    /** Where a derived version comes from: the version, the run of the step that made it (once recorded), the step. */
    record DerivedFromJson(long datasetVersionId, Long runId, String step) {
    }

    /**
     * {@code progress}: share of the validation done, 0..1 (1 once READY or REJECTED); {@code derivedFrom}: null for
     * an upload; {@code lineageRootId}: the upload a derived version descends from (itself for an upload);
     * {@code validationJobId}: the job that validates (validated) an upload, with its progress and log;
     * {@code version}: null for a rejected upload whose number a later upload of the name took.
     */
    record DatasetJson(long id, long projectId, String name, Integer version, DatasetStatus status, double progress,
                       String format, String archive, String uploadedBy, ValidationReport report, int samples,
                       List<String> labels, Map<String, List<String>> attributes, Composition composition,
                       DerivedFromJson derivedFrom, long lineageRootId, Long validationJobId) {
    }

    private DatasetJson json(DatasetVersionView v) {
        Composition c = v.composition();
        DerivedFromJson derived = v.derivedFrom() == null ? null : new DerivedFromJson(v.derivedFrom().datasetVersionId(),
                runs.runOfJob(v.derivedFrom().jobId()).orElse(null), v.derivedFrom().step());
        return new DatasetJson(v.id(), v.projectId(), v.name(), v.version() > 0 ? v.version() : null, v.status(),
                v.progress(),
                v.format(), v.report() == null ? null : v.report().archive(), v.uploadedBy(), v.report(),
                v.samples(), c == null ? List.of() : c.labels(), c == null ? Map.of() : c.attributes(), c, derived,
                v.lineageRootId(), v.derived() ? null : experiments.validationJobOf(v.id()).orElse(null));
    }

    record Deleted(long id, int freedBlobs) {
    }

    private final DatasetService datasets;
    private final DatasetDeletion deletion;
    private final DatasetSamples samples;
    private final RunService runs;
    private final ExperimentService experiments;

    DatasetApi(DatasetService datasets, DatasetDeletion deletion, DatasetSamples samples, RunService runs,
               ExperimentService experiments) {
        this.datasets = datasets;
        this.deletion = deletion;
        this.samples = samples;
        this.runs = runs;
        this.experiments = experiments;
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    UploadAccepted upload(@PathVariable long projectId, @RequestPart("file") MultipartFile file,
                          @RequestParam("name") String name) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidRequestException("empty_upload", "the part 'file' is empty; attach the archive");
        }
        try (InputStream in = file.getInputStream()) {
            DatasetVersionView v = datasets.upload(projectId, name, file.getOriginalFilename(), in);
            return new UploadAccepted(v.id(), v.version(), v.status());
        }
    }

    @GetMapping("/api/v1/projects/{projectId}/datasets")
    List<DatasetJson> list(@PathVariable long projectId) {
        return datasets.list(projectId).stream().map(this::json).toList();
    }

    @GetMapping("/api/v1/datasets/{id}")
    DatasetJson get(@PathVariable long id) {
        return json(datasets.get(id));
    }

    /** Leads only; blobs that other versions share stay. */
    @DeleteMapping("/api/v1/datasets/{id}")
    Deleted delete(@PathVariable long id) {
        return new Deleted(id, deletion.delete(id));
    }

    /** A page of one group's samples (filters optional), for galleries. */
    @GetMapping("/api/v1/datasets/{id}/samples")
    List<SampleView> samples(@PathVariable long id, @RequestParam(required = false) String split,
                             @RequestParam(required = false) String label,
                             @RequestParam(required = false) String attribute,
                             @RequestParam(required = false) String value,
                             @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if ((attribute == null) != (value == null)) {
            throw new InvalidRequestException("invalid_filter", "give both 'attribute' and 'value', or neither");
        }
        return samples.page(id, split, label, attribute, value, offset, limit);
    }

    /** The stored image, or with {@code size} a PNG thumbnail that fits size x size pixels. */
    @GetMapping("/api/v1/datasets/{id}/samples/{sampleId}/image")
    ResponseEntity<?> image(@PathVariable long id, @PathVariable long sampleId,
                            @RequestParam(required = false) Integer size) throws IOException {
        if (size != null) {
            if (size < 16 || size > 512) {
                throw new InvalidRequestException("invalid_size", "size is the thumbnail's side in pixels, 16 to 512");
            }
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                    .body(samples.thumbnail(id, sampleId, size));
        }
        Path image = samples.image(id, sampleId);
        byte[] head;
        try (InputStream in = Files.newInputStream(image)) {
            head = in.readNBytes(2);
        }
        MediaType type = head.length == 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8
                ? MediaType.IMAGE_JPEG : MediaType.IMAGE_PNG;
        // Content-addressed: the bytes behind this URL never change, but access rules do, so keep it private.
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(new FileSystemResource(image));
    }

    @GetMapping("/api/v1/datasets/{id}/diff/{otherId}")
    VersionDiff diff(@PathVariable long id, @PathVariable long otherId) {
        return samples.diff(id, otherId);
    }
}
