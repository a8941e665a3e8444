package com.spurlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.core.results.RunFilter;
import com.spurlab.core.results.RunTable;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The runs table over evaluations made by simulated steps: its figures are the stored metrics, it filters,
 * sorts and compares, reading it costs the same queries for 3 runs as for 9 (no query per row), and only
 * readers of the project's results get it.
 */
class RunTableIT extends AppITSupport {

    @Autowired
    RunTable table;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void rowsCarryTheStoredFiguresFilterSortCompareAndCostTheSameQueriesForMoreRuns() {
        long project = createProject("lead", "runs table " + System.nanoTime(), "executive", "vendor");
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        List<Long> runs = new SimulatedRuns(api("lead")).evaluate(project, version, List.of(
                new SimulatedRuns.Plan("baseline", "ERM", 3, 0.95, 0.45, 1),
                new SimulatedRuns.Plan("reweighted", "REWEIGHT", 4, 0.90, 0.10, 2),
                new SimulatedRuns.Plan("group dro", "GROUP_DRO", 5, 0.88, 0.05, 3)), Duration.ofMinutes(2));

        JsonNode page = get("executive", "/api/v1/projects/" + project + "/runs?sort=TEST_WORST_GROUP,desc").getBody();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        List<Double> wga = new ArrayList<>();
        for (JsonNode row : page.get("runs")) {
            JsonNode stored = get("executive", "/api/v1/runs/" + row.get("evaluationRunId").asLong() + "/metrics")
                    .getBody();
            assertThat(row.at("/test/worstGroupAccuracy").asDouble()).isEqualTo(stored.get("worstGroupAccuracy")
                    .asDouble());
            assertThat(row.at("/test/accuracy").asDouble()).isEqualTo(stored.get("accuracy").asDouble());
            wga.add(row.at("/test/worstGroupAccuracy").asDouble());
        }
        assertThat(wga).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.get("runs").get(0).get("epochs").asInt()).isBetween(3, 5);

        JsonNode filtered = get("lead", "/api/v1/projects/" + project + "/runs?method=GROUP_DRO").getBody();
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.at("/runs/0/evaluationRunId").asLong()).isEqualTo(runs.get(2));
        assertThat(get("lead", "/api/v1/projects/" + project + "/runs?search=dro").getBody().get("total").asInt())
                .isEqualTo(1);

        JsonNode compared = get("lead", "/api/v1/projects/" + project + "/runs/compare?ids=" + runs.get(0) + ","
                + runs.get(1) + "," + runs.get(2)).getBody();
        assertThat(compared.get("groups")).hasSize(4);
        JsonNode method = StreamOf.find(compared.get("parameters"), "name", "method");
        assertThat(method.get("differs").asBoolean()).isTrue();
        assertThat(method.get("values")).extracting(JsonNode::asText).containsExactly("ERM", "REWEIGHT", "GROUP_DRO");
        JsonNode groupsOfFirst = compared.get("groupsByRun").get(String.valueOf(runs.get(0)));
        assertThat(groupsOfFirst).allSatisfy(g -> assertThat(g.get("low").asDouble())
                .isLessThanOrEqualTo(g.get("accuracy").asDouble()));
        assertThat(compared.get("curves").get(String.valueOf(runs.get(2)))).hasSize(5);

        JsonNode errors = get("executive", "/api/v1/runs/" + runs.get(0) + "/errors?split=test&limit=5").getBody();
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).get("image").asText()).startsWith("/api/v1/datasets/" + version + "/samples/");
        assertThat(api("lead").get().uri(errors.get(0).get("image").asText()).retrieve().toBodilessEntity()
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // No query per row: reading 9 runs costs what reading 3 did.
        long few = statementsToRead(project);
        new SimulatedRuns(api("lead")).evaluate(project, version, plans(6), Duration.ofMinutes(2));
        assertThat(table.count(projectAsLead(project), RunFilter.ALL)).isEqualTo(9);
        assertThat(statementsToRead(project)).isEqualTo(few);
    }

    @Test
    void vendorsAdministratorsAndOtherLeadsDoNotReadRuns() {
        long project = createProject("lead", "runs access " + System.nanoTime(), "executive", "vendor");
        assertThat(get("vendor", "/api/v1/projects/" + project + "/runs").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "/api/v1/projects/" + project + "/runs").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // A lead of other projects does not learn that this one exists.
        assertThat(get("lead2", "/api/v1/projects/" + project + "/runs").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<SimulatedRuns.Plan> plans(int n) {
        return IntStream.range(0, n).mapToObj(i -> new SimulatedRuns.Plan("run " + i, i % 2 == 0 ? "ERM" : "JTT",
                2, 0.9, 0.2, 10 + i)).toList();
    }

    /** The fewest statements of three reads (the queue's heartbeat may add one to a read now and then). */
    private long statementsToRead(long projectId) {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            table.runs(projectAsLead(projectId));
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    private long projectAsLead(long projectId) {
        var lead = users.loadUserByUsername("lead");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(lead, null, lead.getAuthorities()));
        return projectId;
    }

    /** Finds an element of a JSON array by a field's value. */
    private static final class StreamOf {
        static JsonNode find(JsonNode array, String field, String value) {
            for (JsonNode n : array) {
                if (n.get(field).asText().equals(value)) {
                    return n;
                }
            }
            throw new AssertionError("no " + field + "=" + value + " in " + array);
        }
    }
}
