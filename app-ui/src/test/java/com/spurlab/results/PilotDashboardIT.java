package com.spurlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.core.results.PilotDashboard;
import com.spurlab.core.results.PilotFindings;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReports;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dashboard's overview against the KPI API (the same baseline and best), its stages, and its cost: as many
 * statements for nine evaluated runs as for two, and a change mark that moves when results land.
 */
class PilotDashboardIT extends AppITSupport {

    @Autowired
    PilotDashboard dashboard;
    @Autowired
    PilotFindings findings;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void overviewPicksTheKpisBaselineAndBestAndCostsTheSameStatementsForMoreRuns() {
        long project = createProject("lead", "dashboard reads " + System.nanoTime(), "executive");
        target("lead", project, "WORST_GROUP_ACCURACY", 0.85);
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        assertThat(asExecutive(() -> dashboard.overview(project)).stage())
                .isEqualTo(PilotOverview.Stage.NOTHING_PLANNED);
        String before = asExecutive(() -> dashboard.changeMark(project));

        SimulatedRuns simulated = new SimulatedRuns(api("lead"));
        simulated.evaluate(project, version, List.of(new SimulatedRuns.Plan("baseline", "ERM", 2, 0.9, 0.4, 1),
                new SimulatedRuns.Plan("mitigation", "GROUP_DRO", 2, 0.95, 0.02, 2)), Duration.ofMinutes(3));
        assertThat(asExecutive(() -> dashboard.changeMark(project))).isNotEqualTo(before);
        PilotOverview overview = asExecutive(() -> dashboard.overview(project));
        JsonNode kpi = get("executive", "/api/v1/projects/" + project + "/kpis").getBody().get(0);
        assertThat(overview.stage()).isEqualTo(PilotOverview.Stage.EVALUATED);
        assertThat(overview.baseline().run().evaluationRunId()).isEqualTo(kpi.at("/baselinePoint/evaluationRunId")
                .asLong());
        assertThat(overview.baseline().run().method()).isEqualTo("ERM");
        assertThat(overview.mitigated().run().evaluationRunId()).isEqualTo(kpi.at("/bestPoint/evaluationRunId")
                .asLong());
        assertThat(overview.mitigated().test().worstGroupAccuracy()).isEqualTo(kpi.get("best").asDouble());
        assertThat(overview.mitigated().groups()).allSatisfy(g -> assertThat(g.low()).isLessThanOrEqualTo(g.accuracy()));
        assertThat(overview.trend()).hasSize(2);
        assertThat(overview.versions()).containsKey(version);

        long few = statementsToRead(project);
        simulated.evaluate(project, version, IntStream.range(0, 7).mapToObj(i -> new SimulatedRuns.Plan("more " + i,
                "REWEIGHT", 2, 0.9, 0.1, 10 + i)).toList(), Duration.ofMinutes(3));
        assertThat(asExecutive(() -> dashboard.overview(project)).trend()).hasSize(9);
        assertThat(statementsToRead(project)).isEqualTo(few);
    }

    /** The fewest statements of three reads of everything the dashboard's sections read. */
    private long statementsToRead(long projectId) {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            asExecutive(() -> {
                PilotOverview o = dashboard.overview(projectId);
                findings.topCues(projectId, PilotReports.TOP_CUES);
                return findings.audits(projectId, PilotReports.modelRunOf(o.baseline()),
                        PilotReports.modelRunOf(o.mitigated()));
            });
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    private <T> T asExecutive(java.util.function.Supplier<T> read) {
        var executive = users.loadUserByUsername("executive");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(executive, null, executive.getAuthorities()));
        try {
            return read.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
