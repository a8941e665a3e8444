package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Dataset uploads (validated by a job) and dataset versions. */
@RestController
class DatasetApi {

    record UploadAccepted(long id, int version, DatasetStatus status) {
    }

    record DatasetJson(long id, long projectId, String name, int version, DatasetStatus status, String format,
                       String uploadedBy, ValidationReport report, int samples, List<String> labels,
                       Map<String, List<String>> attributes, Composition composition) {
        static DatasetJson of(DatasetVersionView v) {
            Composition c = v.composition();
            return new DatasetJson(v.id(), v.projectId(), v.name(), v.version(), v.status(), v.format(),
                    v.uploadedBy(), v.report(), v.samples(), c == null ? List.of() : c.labels(),
                    c == null ? Map.of() : c.attributes(), c);
        }
    }

    private final DatasetService datasets;

    DatasetApi(DatasetService datasets) {
        this.datasets = datasets;
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
        return datasets.list(projectId).stream().map(DatasetJson::of).toList();
    }

    @GetMapping("/api/v1/datasets/{id}")
    DatasetJson get(@PathVariable long id) {
        return DatasetJson.of(datasets.get(id));
    }
}
