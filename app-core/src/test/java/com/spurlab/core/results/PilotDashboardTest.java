package com.spurlab.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.kpi.ComparedEvaluation;
import com.spurlab.core.kpi.KpiDashboard;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which evaluation the dashboard sets against the baseline. */
class PilotDashboardTest {

    private static final ComparedEvaluation ERM = evaluation(1, "ERM");
    private static final ComparedEvaluation DRO = evaluation(2, "GROUP_DRO");
    private static final ComparedEvaluation JTT = evaluation(3, "JTT");

    @Test
    void theBestByValidationWhenItIsNotTheBaseline() {
        assertThat(PilotDashboard.mitigated(board(ERM, DRO, JTT))).isEqualTo(DRO);
    }

    @Test
    void theLatestWhenTheBaselineIsStillBest() {
        assertThat(PilotDashboard.mitigated(board(ERM, ERM, JTT))).isEqualTo(JTT);
    }

    @Test
    void noneWhenTheBaselineIsAllThereIs() {
        assertThat(PilotDashboard.mitigated(board(ERM, ERM, ERM))).isNull();
        assertThat(PilotDashboard.mitigated(board(null, null, null))).isNull();
    }

    @Test
    void withoutABaselineTheBestIsTheMitigatedModel() {
        assertThat(PilotDashboard.mitigated(board(null, DRO, JTT))).isEqualTo(DRO);
    }

    private static KpiDashboard board(ComparedEvaluation baseline, ComparedEvaluation best, ComparedEvaluation latest) {
        return new KpiDashboard(List.of(), baseline, best, latest, List.of(), null);
    }

    private static ComparedEvaluation evaluation(long run, String method) {
        return new ComparedEvaluation(run, run + 100, run, method, 1, 0.5, Instant.EPOCH);
    }
}
