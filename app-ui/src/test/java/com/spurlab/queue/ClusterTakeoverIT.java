package com.spurlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one real PostgreSQL with Quartz clustering: an API node and a worker node (same jar,
 * profile {@code worker}). The node running a real training is killed with SIGKILL; the other takes the
 * training over and resumes it from its last epoch checkpoint, finishes the other jobs, and no job is ever
 * started twice. Read straight from the shared database, since the killed node may be the one serving the API.
 */
class ClusterTakeoverIT {

    @TempDir
    Path work;

    @Test
    void aJobOfAKilledNodeIsTakenOverByTheOtherAndNothingRunsTwice() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            List<String> shared = List.of("--spring.datasource.url=" + postgres.url("spurlab"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spurlab.data-dir=" + work.resolve("shared-data"),
                    "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-demo-dataset"));
            try (NodeProcess api = NodeProcess.start("node-api", work, with(shared,
                    "--spring.profiles.active=postgres,demo",
                    "--spring.quartz.properties.org.quartz.scheduler.instanceId=node-api"));
                 NodeProcess worker = NodeProcess.start("node-worker", work, with(shared,
                    "--spring.profiles.active=postgres,worker",
                    "--spring.quartz.properties.org.quartz.scheduler.instanceId=node-worker"))) {
                assertThat(worker.get("/api/v1/projects").getStatusCode().value()).isEqualTo(404);
                assertThat(worker.get("/actuator/health").getBody().get("status").asText()).isEqualTo("UP");

                long[] pilot = Pilot.readyDataset(api, work);
                long training = Pilot.plan(api, pilot, Map.of("type", "TRAIN", "params", Map.of("method", "ERM",
                        "epochs", 15, "imageSize", 32, "batchSize", 32, "seed", 3, "selection", "LAST")));
                long longRun = Pilot.plan(api, pilot, Pilot.noop(10_000, null), Pilot.noop(0, null));
                long shortOnes = Pilot.plan(api, pilot, Pilot.noop(300, ""), Pilot.noop(300, ""),
                        Pilot.noop(300, ""), Pilot.noop(300, ""), Pilot.noop(300, ""), Pilot.noop(0, "0,1,2,3,4"));
                JsonNode running = Pilot.await(() -> Pilot.experiment(api, training),
                        e -> epochOf(e.get("jobs").get(0)) >= 3, Duration.ofMinutes(2));
                JsonNode trainJob = running.get("jobs").get(0);
                int epochAtKill = epochOf(trainJob);
                assertThat(epochAtKill).as(api.tail()).isGreaterThanOrEqualTo(3).isLessThan(15);
                String victim = trainJob.get("node").asText();
                NodeProcess killed = victim.equals("node-api") ? api : worker;
                NodeProcess alive = victim.equals("node-api") ? worker : api;
                String survivor = victim.equals("node-api") ? "node-worker" : "node-api";
                killed.kill();

                try (Connection db = postgres.connect()) {
                    long jobId = trainJob.get("id").asLong();
                    String status = Pilot.await(() -> status(db, jobId), "SUCCEEDED"::equals, Duration.ofMinutes(5));
                    assertThat(status).as("the training after its node %s was killed; the survivor's log: %s", victim,
                            alive.tail()).isEqualTo("SUCCEEDED");
                    List<String> log = lines(db, jobId);
                    assertThat(log).filteredOn(l -> l.startsWith("started")).containsExactly(
                            "started (attempt 1) @" + victim);
                    assertThat(log).filteredOn(l -> l.startsWith("resumed")).singleElement().asString()
                            .endsWith("@" + survivor);
                    assertThat(log).filteredOn(l -> l.startsWith("succeeded")).hasSize(1);
                    // The survivor resumed after the last checkpoint of the killed node; it did not start over.
                    Matcher resumed = RESUMED.matcher(single(db, "SELECT message FROM job WHERE id = ?", jobId));
                    assertThat(resumed.find()).isTrue();
                    assertThat(Integer.parseInt(resumed.group(1))).isBetween(epochAtKill - 1, 14);

                    for (long experiment : new long[] {training, longRun, shortOnes}) {
                        assertThat(Pilot.await(() -> experimentStatus(db, experiment), "SUCCEEDED"::equals,
                                Duration.ofMinutes(2))).isEqualTo("SUCCEEDED");
                    }
                    // No job of either experiment was started twice, and each succeeded exactly once.
                    for (long job : jobsOf(db, training, longRun, shortOnes)) {
                        List<String> lines = lines(db, job);
                        assertThat(lines).as("log of job " + job).filteredOn(l -> l.startsWith("started"))
                                .hasSize(1);
                        assertThat(lines).as("log of job " + job).filteredOn(l -> l.startsWith("succeeded"))
                                .hasSize(1);
                    }
                }
            }
        }
    }

    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)/(\\d+)");
    private static final Pattern RESUMED = Pattern.compile("resumed after epoch (\\d+)");

    private static int epochOf(JsonNode job) {
        String message = job.get("message").isNull() ? "" : job.get("message").asText();
        Matcher m = EPOCH.matcher(message);
        return job.get("status").asText().equals("RUNNING") && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<String> with(List<String> shared, String... more) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(List.of(more));
        return all;
    }

    private static String status(Connection db, long jobId) {
        return single(db, "SELECT status FROM job WHERE id = ?", jobId);
    }

    private static String experimentStatus(Connection db, long experimentId) {
        return single(db, "SELECT status FROM experiment WHERE id = ?", experimentId);
    }

    private static String single(Connection db, String sql, long id) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> jobsOf(Connection db, long... experiments) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (long experiment : experiments) {
            try (PreparedStatement statement = db.prepareStatement("SELECT id FROM job WHERE experiment_id = ?")) {
                statement.setLong(1, experiment);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static List<String> lines(Connection db, long jobId) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT line, node FROM job_log WHERE job_id = ? ORDER BY id")) {
            statement.setLong(1, jobId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " @" + rs.getString(2));
                }
            }
        }
        return lines;
    }
}
