package com.spurlab.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.spurlab.core.audit.AuditResults;
import com.spurlab.core.audit.AuditResults.AuditRun;
import com.spurlab.core.cues.CueResult;
import com.spurlab.core.cues.CueResults;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditSetResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The top cues (EXTRACT's ranking joined with EDIT's verdicts) and the audits set side by side. */
class PilotFindingsTest {

    private static final long PROJECT = 7;

    private final CueResults cues = mock(CueResults.class);
    private final EditResults edits = mock(EditResults.class);
    private final AuditResults audits = mock(AuditResults.class);
    private final PilotFindings findings = new PilotFindings(cues, edits, audits);

    @Test
    void confirmedCuesComeFirstWithExtractsEvidenceThenUnconfirmedThenUntested() {
        CueResult ranking = new CueResult("val", 300, 0.1, List.of(
                row(1, "attribute:background=warm", 4.0, List.of(5L, 6L)),
                row(2, "keyword:beach", 2.5, List.of(7L)),
                row(3, "text:sale", 1.8, List.of(8L))), null, null, null, null, null, null, null);
        when(cues.newestRunId(PROJECT)).thenReturn(Optional.of(20L));
        when(cues.get(20L)).thenReturn(new CueResults.CueRun(20, 10L, 2, Instant.EPOCH, ranking));
        when(edits.list(PROJECT)).thenReturn(List.of(
                edit(31, "text:sale", false, 0.1),
                edit(30, "attribute:background", true, 0.6),
                edit(29, "attribute:background", false, 0.05)));

        List<ConfirmedCue> top = findings.topCues(PROJECT, 5);

        assertThat(top).extracting(ConfirmedCue::cue)
                .containsExactly("attribute:background", "text:sale", "keyword:beach");
        ConfirmedCue first = top.get(0);
        assertThat(first.confirmed()).isTrue();
        assertThat(first.flipRate()).isEqualTo(0.6);
        assertThat(first.editRunId()).as("the newest edit of the cue").isEqualTo(30L);
        assertThat(first.lift()).isEqualTo(4.0);
        assertThat(first.evidence()).containsExactly(5L, 6L);
        assertThat(first.evidenceVersionId()).isEqualTo(2L);
        assertThat(top.get(1).confirmed()).isFalse();
        assertThat(top.get(2).confirmed()).as("no edit tested it").isNull();
        assertThat(top.get(2).flipRate()).isNull();
        assertThat(findings.topCues(PROJECT, 2)).hasSize(2);
    }

    @Test
    void editsWithoutAnExtractionStillRank() {
        when(cues.newestRunId(PROJECT)).thenReturn(Optional.empty());
        when(edits.list(PROJECT)).thenReturn(List.of(edit(30, "attribute:background", true, 0.6)));

        List<ConfirmedCue> top = findings.topCues(PROJECT, 5);

        assertThat(top).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("ATTRIBUTE");
            assertThat(c.evidence()).isEmpty();
            assertThat(c.lift()).isNull();
        });
    }

    @Test
    void auditsOfTheComparedModelsElseTheOldestAndNewest() {
        AuditRun newest = audit(3, 12L);
        AuditRun middle = audit(2, 10L);
        AuditRun oldest = audit(1, 10L);
        when(audits.list(PROJECT)).thenReturn(List.of(newest, middle, oldest));

        AuditSideBySide byModel = findings.audits(PROJECT, 10L, 12L);
        assertThat(byModel.baseline()).isEqualTo(middle);
        assertThat(byModel.mitigated()).isEqualTo(newest);

        AuditSideBySide fallback = findings.audits(PROJECT, 99L, null);
        assertThat(fallback.baseline()).isEqualTo(oldest);
        assertThat(fallback.mitigated()).isEqualTo(newest);

        when(audits.list(PROJECT)).thenReturn(List.of(oldest));
        assertThat(findings.audits(PROJECT, 10L, 12L).mitigated()).as("one audit is not two").isNull();
    }

    private static CueResult.CueRow row(int rank, String cue, double lift, List<Long> evidence) {
        return new CueResult.CueRow(rank, cue, cue.substring(0, cue.indexOf(':')).toUpperCase(java.util.Locale.ROOT),
                "t-shirt", 40, 12, 0.3, 0.2, 0.4, lift, lift - 1, lift + 1, "dress", 0.5, 1.0 / rank, evidence, null);
    }

    private static EditResults.EditRun edit(long runId, String cue, boolean confirmed, double flipRate) {
        return new EditResults.EditRun(runId, 10L, "ERM", Instant.EPOCH, new EditSetResult(3, cue, "REPLACE_BACKGROUND",
                "test", 80, 70, (int) (70 * flipRate), flipRate, flipRate - 0.1, flipRate + 0.1, 0.02, confirmed, 2,
                "plan", 0.05, 70, 1, 0.0, 0.08, 1 - flipRate, null, "verdict", 0, null));
    }

    private static AuditRun audit(long runId, Long modelRunId) {
        return new AuditRun(runId, "ERM", modelRunId, 2, Instant.EPOCH, null);
    }
}
