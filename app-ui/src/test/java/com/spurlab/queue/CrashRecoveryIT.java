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
 * kill -9 of the packaged application (embedded H2) while jobs run and wait and a validation reads an upload:
 * after a restart on the same data folder every job finishes exactly once — the interrupted ones are recovered
 * and resumed, the queued ones are neither lost nor run twice. One kill for both (each start of the jar costs
 * tens of seconds on two cores).
 */
class CrashRecoveryIT {

    @TempDir
    Path work;

    @Test
    void jobsAndAValidationInterruptedByKillMinus9AreRecoveredAndNoneIsLostOrRunTwice() throws Exception {
        List<String> args = List.of("--spring.profiles.active=demo", "--spurlab.data-dir=" + work.resolve("data"),
                "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-demo-dataset"));
        // Large enough (6 000 images) that the validation is still reading when the node is killed.
        Path archive = work.resolve("large.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, archive,
                new DemoSpec(List.of(0, 3), 2500, 250, 250, 0.95, 64, 5L));
        long longRun;
        long fanOut;
        long version;
        try (NodeProcess first = NodeProcess.start("first", work, args)) {
            long[] pilot = Pilot.readyDataset(first, work);
            // The validation is queued first: it and the long job take the node's two CPU slots, the rest waits.
            version = Pilot.upload(first, pilot[0], "large", archive);
            longRun = Pilot.plan(first, pilot, Pilot.noop(8_000, null), Pilot.noop(0, null));
            fanOut = Pilot.plan(first, pilot, Pilot.noop(4_000, ""), Pilot.noop(4_000, ""), Pilot.noop(0, "0,1"));
            JsonNode running = Pilot.await(() -> Pilot.experiment(first, longRun),
                    e -> e.get("jobs").get(0).get("progress").asDouble() > 0.1, Duration.ofSeconds(60));
            assertThat(running.get("jobs").get(0).get("status").asText()).isEqualTo("RUNNING");
            JsonNode reading = Pilot.await(() -> first.get("/api/v1/datasets/" + version).getBody(),
                    v -> v.get("progress").asDouble() > 0.02 || !v.get("status").asText().equals("VALIDATING"),
                    Duration.ofSeconds(60), Duration.ofMillis(50));
            assertThat(reading.get("status").asText()).as("still validating when killed").isEqualTo("VALIDATING");
            first.kill();
        }
        Files.writeString(work.resolve("killed"), "the first node was killed with SIGKILL mid-job and mid-validation");

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

            // The validation is a job like any: resumed after the restart, it accepts its rows once.
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
