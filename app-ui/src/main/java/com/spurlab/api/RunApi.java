package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunMetrics;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metrics of a run. */
@RestController
class RunApi {

    record MetricsJson(long runId, String method, String split, int n, double accuracy, double worstGroupAccuracy,
                       String worstGroup, double[] worstGroupAccuracyCi95, double averageGroupAccuracy, double gap,
                       String groupBy, List<GroupResult> groups, List<SplitEvaluation> splits) {
    }

    private final RunService runs;

    RunApi(RunService runs) {
        this.runs = runs;
    }

    /**
     * What the run's job stored beside the metrics: for a training run its figures (epochs, kept epoch,
     * throughput, model), for an evaluation run per split the confusion matrix, per-class precision and
     * recall, expected calibration error and train-weighted accuracy. Never a server path: files are artifacts.
     */
    @GetMapping(value = "/api/v1/runs/{id}/details", produces = "application/json")
    String details(@PathVariable long id) {
        return runs.details(id);
    }

    /** What the run handed to later steps (a model, embeddings, cues, a derived version), by id and type. */
    @GetMapping("/api/v1/runs/{id}/artifacts")
    List<ArtifactView> artifacts(@PathVariable long id) {
        return runs.artifacts(id);
    }

    /** The requested split's metrics at the top level (test by default), every split under "splits". */
    @GetMapping("/api/v1/runs/{id}/metrics")
    MetricsJson metrics(@PathVariable long id, @RequestParam(defaultValue = "test") String split) {
        RunMetrics metrics = runs.metrics(id);
        SplitEvaluation s = metrics.split(split).orElseThrow(() -> new InvalidRequestException("unknown_split",
                "run " + id + " has no metrics for split '" + split + "'; it has "
                        + metrics.splits().stream().map(SplitEvaluation::split).toList()));
        return new MetricsJson(metrics.runId(), metrics.method(), s.split(), s.n(), s.accuracy(),
                s.worstGroupAccuracy(), s.worstGroup(), new double[] {s.worstGroupCiLow(), s.worstGroupCiHigh()},
                s.averageGroupAccuracy(), s.gap(), s.groupBy(), s.groups(), metrics.splits());
    }
}
