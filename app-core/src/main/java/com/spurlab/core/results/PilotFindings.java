package com.spurlab.core.results;

import com.spurlab.core.audit.AuditResults;
import com.spurlab.core.audit.AuditResults.AuditRun;
import com.spurlab.core.cues.CueResult.CueRow;
import com.spurlab.core.cues.CueResults;
import com.spurlab.core.cues.CueResults.CueRun;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditResults.EditRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step results the dashboard and the report show beside the KPIs: the top cues (EXTRACT's ranking joined with
 * EDIT's confirmation) and the baseline's and mitigated model's audits. Each is a fixed number of queries; access is
 * checked by the result services (those who read the project's results).
 */
@Service
@Transactional(readOnly = true)
public class PilotFindings {

    private final CueResults cues;
    private final EditResults edits;
    private final AuditResults audits;

    PilotFindings(CueResults cues, EditResults edits, AuditResults audits) {
        this.cues = cues;
        this.edits = edits;
        this.audits = audits;
    }

    /**
     * The top cues, confirmed ones first (highest flip rate first), then those an edit did not confirm, then EXTRACT's
     * ranking of cues no edit tested; each cue once (its newest edit). Three queries.
     */
    public List<ConfirmedCue> topCues(long projectId, int limit) {
        Optional<CueRun> extraction = cues.newestRunId(projectId).map(cues::get);
        Map<String, EditRun> newestEditOfCue = new LinkedHashMap<>();
        edits.list(projectId).forEach(e -> newestEditOfCue.putIfAbsent(e.result().cue(), e));
        List<ConfirmedCue> out = new ArrayList<>();
        for (EditRun edit : newestEditOfCue.values()) {
            Optional<CueRow> row = extraction.flatMap(x -> rowFor(x, edit.result().cue()));
            out.add(new ConfirmedCue(edit.result().cue(), row.map(CueRow::kind).orElse(kindOf(edit.result().cue())),
                    row.map(CueRow::label).orElse(null), row.map(CueRow::lift).orElse(null),
                    row.map(CueRow::errorRate).orElse(null), row.map(CueRow::n).orElse(edit.result().n()),
                    row.map(CueRow::evidence).orElse(List.of()),
                    row.isPresent() ? extraction.get().datasetVersionId() : null, edit.result().flipRate(),
                    edit.result().ciLow(), edit.result().ciHigh(), edit.result().controlFlipRate(),
                    edit.result().confirmed(), extraction.map(CueRun::runId).orElse(null), edit.runId()));
        }
        out.sort(Comparator.comparing((ConfirmedCue c) -> !c.confirmed())
                .thenComparing(c -> c.flipRate() == null ? 0 : -c.flipRate()));
        extraction.ifPresent(x -> x.result().cues().stream()
                .filter(row -> out.stream().noneMatch(c -> sameCue(row.cue(), c.cue())))
                .forEach(row -> out.add(new ConfirmedCue(row.cue(), row.kind(), row.label(), row.lift(),
                        row.errorRate(), row.n(), row.evidence(), x.datasetVersionId(), null, null, null, null, null,
                        x.runId(), null))));
        return out.stream().limit(limit).toList();
    }

    /** The audits of the baseline and the mitigated model (training run ids; either may be null). One query. */
    public AuditSideBySide audits(long projectId, Long baselineModelRunId, Long mitigatedModelRunId) {
        List<AuditRun> all = audits.list(projectId);
        if (all.isEmpty()) {
            return new AuditSideBySide(null, null);
        }
        AuditRun baseline = newestOf(all, baselineModelRunId).orElse(all.get(all.size() - 1));
        AuditRun mitigated = newestOf(all, mitigatedModelRunId).orElse(all.get(0));
        return new AuditSideBySide(baseline, mitigated.runId() == baseline.runId() ? null : mitigated);
    }

    private static Optional<AuditRun> newestOf(List<AuditRun> newestFirst, Long modelRunId) {
        return modelRunId == null ? Optional.empty()
                : newestFirst.stream().filter(a -> Objects.equals(a.modelRunId(), modelRunId)).findFirst();
    }

    /** EXTRACT's row for an edited cue: the same name, or a value of the edited attribute. */
    private static Optional<CueRow> rowFor(CueRun extraction, String cue) {
        return extraction.result().cues().stream().filter(r -> sameCue(r.cue(), cue)).findFirst();
    }

    /** {@code attribute:background} covers {@code attribute:background=warm}. */
    static boolean sameCue(String ranked, String edited) {
        return ranked.equals(edited) || ranked.startsWith(edited + "=") || edited.startsWith(ranked + "=");
    }

    private static String kindOf(String cue) {
        int colon = cue.indexOf(':');
        return (colon < 0 ? cue : cue.substring(0, colon)).toUpperCase(java.util.Locale.ROOT);
    }
}
