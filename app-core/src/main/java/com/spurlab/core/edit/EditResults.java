package com.spurlab.core.edit;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import com.spurlab.core.step.StepExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EDIT runs: recorded by the step (figures as the run's details, pairs as rows, in one transaction) and read by those
 * who may read the project's results (access is checked by {@link RunService}: executives and leads, not vendors).
 */
@Service
@Transactional(readOnly = true)
public class EditResults {

    /** The run kind of edits: the step type that makes them. */
    public static final String KIND = "EDIT";
    public static final int MAX_PAGE = 5_000;

    private final RunService runs;
    private final JdbcTemplate jdbc;

    EditResults(RunService runs, JdbcTemplate jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    /**
     * One edit run.
     *
     * @param modelRunId the training run of the model whose predictions flipped
     */
    public record EditRun(long runId, Long modelRunId, String method, Instant createdAt, EditSetResult result) {

        public String label() {
            return "Run " + runId + ": " + result.operation() + " of " + result.cue() + " on " + result.split()
                    + (method == null ? "" : " (" + method + " model)") + (result.confirmed() ? " — confirmed" : "");
        }
    }

    /** A page of pairs and how many match the filter. */
    public record PairPage(int total, List<EditPair> pairs) {
    }

    /**
     * Records the job's run and its pairs; idempotent per job (a job recovered after it recorded gets the same run,
     * and its pairs are not written twice).
     */
    @Transactional
    public long record(StepExecution<?> job, String method, Long modelRunId, EditSetResult result,
                       List<ArtifactOutput> outputs, List<EditPair> pairs) {
        long runId = runs.record(job, KIND, method, modelRunId, result, outputs);
        Integer stored = jdbc.queryForObject("select count(*) from edit_pair where run_id = ?", Integer.class, runId);
        if (stored != null && stored == 0) {
            jdbc.batchUpdate("insert into edit_pair (run_id, position, original_sample_id, edited_sample_id, label,"
                    + " group_key, predicted_before, predicted_after, predicted_control, correct_before, flipped,"
                    + " control_flipped, mask_source, donor_sample_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", pairs, 1000,
                    (ps, p) -> {
                        Object[] values = {runId, p.position(), p.originalSampleId(), p.editedSampleId(), p.label(),
                                p.group(), p.predictedBefore(), p.predictedAfter(), p.predictedControl(),
                                p.correctBefore(), p.flipped(), p.controlFlipped(), p.maskSource(), p.donorSampleId()};
                        for (int i = 0; i < values.length; i++) {
                            ps.setObject(i + 1, values[i]);
                        }
                    });
        }
        return runId;
    }

    /** The project's edit runs, newest first. */
    public List<EditRun> list(long projectId) {
        return runs.newestFirst(projectId, KIND).stream().map(EditResults::of).toList();
    }

    /** The newest edit run's id, if any: a view re-reads the list only when it changes. */
    public Optional<Long> newestRunId(long projectId) {
        return runs.latestRunId(projectId, KIND);
    }

    /** One edit run; 404 when the run is of another kind, as when it does not exist. */
    public EditRun get(long runId) {
        RunSummary run = runs.summary(runId);
        if (!KIND.equals(run.kind())) {
            throw new NotFoundException("edit run", runId);
        }
        return of(run);
    }

    /**
     * A page of an edit run's pairs in the run's order.
     *
     * @param group   only this group's pairs; null for all
     * @param flipped only pairs that flipped (true) or did not (false); null for all
     */
    public PairPage pairs(long runId, String group, Boolean flipped, int offset, int limit) {
        get(runId);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("invalid_page", "offset must be 0 or more and limit 1 to " + MAX_PAGE);
        }
        StringBuilder where = new StringBuilder(" where run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (group != null) {
            where.append(" and group_key = ?");
            args.add(group);
        }
        if (flipped != null) {
            where.append(" and flipped = ?");
            args.add(flipped);
        }
        Integer total = jdbc.queryForObject("select count(*) from edit_pair" + where, Integer.class, args.toArray());
        args.add(limit);
        args.add(offset);
        List<EditPair> page = jdbc.query("select position, original_sample_id, edited_sample_id, label, group_key,"
                + " predicted_before, predicted_after, predicted_control, correct_before, flipped, control_flipped,"
                + " mask_source, donor_sample_id from edit_pair" + where + " order by position limit ? offset ?",
                (rs, n) -> new EditPair(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10),
                        rs.getBoolean(11), rs.getString(12), rs.getObject(13, Long.class)), args.toArray());
        return new PairPage(total == null ? 0 : total, page);
    }

    private static EditRun of(RunSummary run) {
        return new EditRun(run.id(), run.modelRunId(), run.method(), run.createdAt(),
                Json.read(run.details(), EditSetResult.class));
    }
}
