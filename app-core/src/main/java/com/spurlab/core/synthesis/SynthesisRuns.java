package com.spurlab.core.synthesis;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** SYNTHESIZE runs of a project for those who may read its results (access is checked by {@link RunService}). */
@Service
public class SynthesisRuns {

    /** The run kind of syntheses: the step type that makes them. */
    public static final String KIND = "SYNTHESIZE";

    private final RunService runs;

    SynthesisRuns(RunService runs) {
        this.runs = runs;
    }

    /** One synthesis run and its report. */
    public record SynthesisRun(long runId, long experimentId, Instant createdAt, SynthesisReport report) {
    }

    /** The project's syntheses, newest first. */
    public List<SynthesisRun> list(long projectId) {
        return runs.newestFirst(projectId, KIND).stream().map(SynthesisRuns::of).toList();
    }

    /** The newest synthesis's run id, if any: a view re-reads the list only when it changes. */
    public Optional<Long> newestRunId(long projectId) {
        return runs.latestRunId(projectId, KIND);
    }

    /** One synthesis; 404 when the run is of another kind, as when it does not exist. */
    public SynthesisRun get(long runId) {
        RunSummary run = runs.summary(runId);
        if (!KIND.equals(run.kind())) {
            throw new NotFoundException("synthesis run", runId);
        }
        return of(run);
    }

    private static SynthesisRun of(RunSummary run) {
        return new SynthesisRun(run.id(), run.experimentId(), run.createdAt(), Json.read(run.details(), SynthesisReport.class));
    }
}
