package com.spurlab.api;

import com.spurlab.core.results.EvaluatedRun;
import com.spurlab.core.results.RunColumn;
import com.spurlab.core.results.RunComparison;
import com.spurlab.core.results.RunFilter;
import com.spurlab.core.results.RunReports;
import com.spurlab.core.results.RunSort;
import com.spurlab.core.results.RunTable;
import com.spurlab.core.run.PredictionError;
import com.spurlab.core.run.RunService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The runs table, comparisons and an evaluation's errors, for leads and executives (the services check). */
@RestController
class ResultsApi {

    /** A page of the runs table and how many rows match in all. */
    record RunsJson(int total, List<EvaluatedRun> runs) {
    }

    /** A misclassified sample with the address of its image (the dataset image endpoint), never a path. */
    record ErrorJson(long sampleId, int label, int predicted, double confidence, String group, String image) {
    }

    private final RunTable table;
    private final RunReports reports;
    private final RunService runs;

    ResultsApi(RunTable table, RunReports reports, RunService runs) {
        this.table = table;
        this.reports = reports;
        this.runs = runs;
    }

    /**
     * Every evaluated run with its training parameters and figures. {@code sort} is a column
     * (CREATED, EXPERIMENT, METHOD, MODEL, EPOCHS, DATASET, TEST_ACCURACY, TEST_WORST_GROUP, VAL_WORST_GROUP, GAP)
     * with an optional {@code ,desc}.
     */
    @GetMapping("/api/v1/projects/{id}/runs")
    RunsJson runs(@PathVariable long id, @RequestParam(required = false) String search,
                  @RequestParam(required = false) String method, @RequestParam(required = false) Long datasetVersionId,
                  @RequestParam(defaultValue = "CREATED,desc") String sort, @RequestParam(defaultValue = "0") int offset,
                  @RequestParam(defaultValue = "50") int limit) {
        RunFilter filter = new RunFilter(search, method, datasetVersionId);
        String[] parts = sort.split(",");
        RunColumn column;
        try {
            column = RunColumn.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new com.spurlab.core.InvalidRequestException("unknown_sort", "sort by one of "
                    + Arrays.toString(RunColumn.values()) + ", optionally followed by ,desc");
        }
        RunSort order = new RunSort(column, parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc"));
        return new RunsJson(table.count(id, filter), table.find(id, filter, List.of(order), offset,
                Math.min(Math.max(limit, 0), 500)));
    }

    /** 2 to 5 evaluated runs side by side: groups with Wilson intervals, parameters, curves. */
    @GetMapping("/api/v1/projects/{id}/runs/compare")
    RunComparison compare(@PathVariable long id, @RequestParam List<Long> ids) {
        return reports.compare(id, ids);
    }

    /** The first misclassified samples of a split of an evaluation run. */
    @GetMapping("/api/v1/runs/{id}/errors")
    List<ErrorJson> errors(@PathVariable long id, @RequestParam(defaultValue = "test") String split,
                           @RequestParam(defaultValue = "50") int limit) {
        long version = runs.summary(id).datasetVersionId();
        List<PredictionError> errors = reports.errors(id, split, limit);
        return errors.stream().map(e -> new ErrorJson(e.sampleId(), e.label(), e.predicted(), e.confidence(),
                e.group(), "/api/v1/datasets/" + version + "/samples/" + e.sampleId() + "/image")).toList();
    }
}
