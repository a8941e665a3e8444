package com.spurlab.core.cues;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** EXTRACT runs of a project for those who may read its results (access is checked by {@link RunService}). */
@Service
public class CueResults {

    /** The run kind of cue extractions: the step type that makes them. */
    public static final String KIND = "EXTRACT";

    private final RunService runs;

    CueResults(RunService runs) {
        this.runs = runs;
    }

    /**
     * One extraction and its result.
     *
     * @param modelRunId       the training run of the examined model
     * @param datasetVersionId the version examined: the evidence ids are its samples
     */
    public record CueRun(long runId, Long modelRunId, long datasetVersionId, Instant createdAt, CueResult result) {
    }

    /** The project's extractions, newest first. */
    public List<CueRun> list(long projectId) {
        return runs.newestFirst(projectId, KIND).stream().map(CueResults::of).toList();
    }

    /** The newest extraction's run id, if any: a view re-reads the list only when it changes. */
    public Optional<Long> newestRunId(long projectId) {
        return runs.latestRunId(projectId, KIND);
    }

    /** One extraction; 404 when the run is of another kind, as when it does not exist. */
    public CueRun get(long runId) {
        RunSummary run = runs.summary(runId);
        if (!KIND.equals(run.kind())) {
            throw new NotFoundException("cue extraction run", runId);
        }
        return of(run);
    }

    private static CueRun of(RunSummary run) {
        return new CueRun(run.id(), run.modelRunId(), run.datasetVersionId(), run.createdAt(),
                Json.read(run.details(), CueResult.class));
    }
}
