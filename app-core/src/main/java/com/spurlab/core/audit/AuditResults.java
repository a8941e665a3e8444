package com.spurlab.core.audit;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Audit runs of a project for those who may read its results (access is checked by {@link RunService}). */
@Service
public class AuditResults {

    /** The run kind of audits: the step type that makes them. */
    public static final String KIND = "AUDIT";

    private final RunService runs;

    AuditResults(RunService runs) {
        this.runs = runs;
    }

    /**
     * One audit run and its report.
     *
     * @param method     the training method of the audited model (ERM, GROUP_DRO ...)
     * @param modelRunId the training run of the audited model
     */
    public record AuditRun(long runId, String method, Long modelRunId, long datasetVersionId, Instant createdAt,
                           AuditResult result) {
    }

    /** The project's audits, newest first. */
    public List<AuditRun> list(long projectId) {
        return runs.newestFirst(projectId, KIND).stream().map(AuditResults::of).toList();
    }

    /** The newest audit's run id, if any: a view re-reads the list only when it changes. */
    public Optional<Long> newestRunId(long projectId) {
        return runs.latestRunId(projectId, KIND);
    }

    /** One audit; 404 when the run is of another kind, as when it does not exist. */
    public AuditRun get(long runId) {
        RunSummary run = runs.summary(runId);
        if (!KIND.equals(run.kind())) {
            throw new NotFoundException("audit run", runId);
        }
        return of(run);
    }

    private static AuditRun of(RunSummary run) {
        return new AuditRun(run.id(), run.method(), run.modelRunId(), run.datasetVersionId(), run.createdAt(),
                Json.read(run.details(), AuditResult.class));
    }
}
