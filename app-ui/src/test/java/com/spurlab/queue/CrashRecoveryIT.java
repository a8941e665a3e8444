package com.spurlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged application (embedded H2) while jobs run and wait: after a restart on the
 * same data folder every job finishes exactly once — the interrupted one is recovered and resumed,
 * the queued ones are neither lost nor run twice.
 */
class CrashRecoveryIT {

    @TempDir
    Path work;

    @Test
    void jobsInterruptedByKillMinus9AreRecoveredAndNoneIsLostOrRunTwice() throws Exception {
        List<String> args = List.of("--spring.profiles.active=demo", "--spurlab.data-dir=" + work.resolve("data"),
                "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-demo-dataset"));
        long longRun;
        long fanOut;
        try (NodeProcess first = NodeProcess.start("first", work, args)) {
            long[] pilot = Pilot.readyDataset(first, work);
            longRun = Pilot.plan(first, pilot, Pilot.noop(8_000, null), Pilot.noop(0, null));
            fanOut = Pilot.plan(first, pilot, Pilot.noop(4_000, ""), Pilot.noop(4_000, ""), Pilot.noop(0, "0,1"));
            JsonNode running = Pilot.await(() -> Pilot.experiment(first, longRun),
                    e -> e.get("jobs").get(0).get("progress").asDouble() > 0.1, Duration.ofSeconds(60));
            assertThat(running.get("jobs").get(0).get("status").asText()).isEqualTo("RUNNING");
            first.kill();
        }
        Files.writeString(work.resolve("killed"), "the first node was killed with SIGKILL mid-job");

        try (NodeProcess second = NodeProcess.start("second", work, args)) {
            JsonNode longDone = Pilot.finished(second, longRun, Duration.ofMinutes(2));
            JsonNode fanDone = Pilot.finished(second, fanOut, Duration.ofMinutes(2));
            assertThat(longDone.get("status").asText()).as(second.tail()).isEqualTo("SUCCEEDED");
            assertThat(fanDone.get("status").asText()).as(second.tail()).isEqualTo("SUCCEEDED");

            List<String> interrupted = Pilot.lines(second, longDone.get("jobs").get(0).get("id").asLong());
            assertThat(interrupted).as("log of the interrupted job").filteredOn(l -> l.startsWith("started"))
                    .hasSize(1);
            assertThat(interrupted).filteredOn(l -> l.startsWith("resumed after its node stopped")).hasSize(1);
            assertThat(interrupted).filteredOn(l -> l.startsWith("succeeded")).hasSize(1);
            // No other job started twice (its work done twice): each started at most once and was resumed at
            // most once (a job fired just before the kill may have been resumed without a "started" line).
            for (JsonNode job : List.of(longDone.get("jobs").get(1), fanDone.get("jobs").get(0),
                    fanDone.get("jobs").get(1), fanDone.get("jobs").get(2))) {
                List<String> lines = Pilot.lines(second, job.get("id").asLong());
                assertThat(lines).as("log of job " + job.get("id")).filteredOn(l -> l.startsWith("succeeded"))
                        .hasSize(1);
                assertThat(lines).as("log of job " + job.get("id")).filteredOn(l -> l.startsWith("started"))
                        .hasSizeLessThanOrEqualTo(1);
                assertThat(lines).as("log of job " + job.get("id")).filteredOn(l -> l.startsWith("resumed"))
                        .hasSizeLessThanOrEqualTo(1);
                assertThat(lines).as("log of job " + job.get("id"))
                        .filteredOn(l -> l.startsWith("started") || l.startsWith("resumed")).isNotEmpty();
            }
            // The join was still waiting for its dependencies at the kill: it ran once, after the restart.
            assertThat(Pilot.lines(second, fanDone.get("jobs").get(2).get("id").asLong()))
                    .filteredOn(l -> l.startsWith("started")).hasSize(1);
        }
    }

    /** A validation is a job like any: killed mid-read, it is resumed after the restart and accepts its rows once. */
    @Test
    void aValidationInterruptedByKillMinus9FinishesOnceAfterTheRestart() throws Exception {
        List<String> args = List.of("--spring.profiles.active=demo", "--spurlab.data-dir=" + work.resolve("data"),
                "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-demo-dataset"));
        // Large enough (6 000 images) that the validation is still reading when it is killed.
        Path archive = work.resolve("large.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, archive,
                new DemoSpec(List.of(0, 3), 2500, 250, 250, 0.95, 64, 5L));
        long version;
        try (NodeProcess first = NodeProcess.start("first", work, args)) {
            long project = first.get("/api/v1/projects").getBody().get(0).get("id").asLong();
            version = Pilot.upload(first, project, "large", archive);
            JsonNode reading = Pilot.await(() -> first.get("/api/v1/datasets/" + version).getBody(),
                    v -> v.get("progress").asDouble() > 0.02 || !v.get("status").asText().equals("VALIDATING"),
                    Duration.ofSeconds(60), Duration.ofMillis(50));
            assertThat(reading.get("status").asText()).as("still validating when killed").isEqualTo("VALIDATING");
            first.kill();
        }
        try (NodeProcess second = NodeProcess.start("second", work, args)) {
            JsonNode done = Pilot.await(() -> second.get("/api/v1/datasets/" + version).getBody(),
                    v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
            assertThat(done.get("status").asText()).as(second.tail()).isEqualTo("READY");
            assertThat(done.get("samples").asInt()).isEqualTo(6000);
            List<String> log = Pilot.lines(second, done.get("validationJobId").asLong());
            assertThat(log).filteredOn(l -> l.startsWith("started")).hasSize(1);
            assertThat(log).filteredOn(l -> l.startsWith("resumed after its node stopped")).hasSize(1);
            assertThat(log).filteredOn(l -> l.startsWith("succeeded")).hasSize(1);
            // The resumed validation's samples are usable: a plan on the version is accepted.
            assertThat(second.post("/api/v1/projects/" + done.get("projectId").asLong() + "/experiments",
                    Map.of("datasetVersionId", version, "steps", List.of(Pilot.noop(0, null)))).getStatusCode().value())
                    .isEqualTo(201);
        }
    }
}
