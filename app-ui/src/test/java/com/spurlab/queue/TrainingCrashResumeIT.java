package com.spurlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged application in the middle of a real TRAIN job: after a restart on the same
 * data folder, Quartz recovers the job and the trainer resumes from its last epoch checkpoint instead
 * of starting over; the evaluation after it then runs once.
 */
class TrainingCrashResumeIT {

    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)/(\\d+)");
    private static final Pattern RESUMED = Pattern.compile("resumed after epoch (\\d+)");

    @TempDir
    Path work;

    @Test
    void aTrainingKilledMidRunResumesFromItsCheckpoint() throws Exception {
        List<String> args = List.of("--spring.profiles.active=demo", "--spurlab.data-dir=" + work.resolve("data"),
                "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-demo-dataset"));
        long experiment;
        int epochAtKill;
        try (NodeProcess first = NodeProcess.start("first", work, args)) {
            long[] pilot = Pilot.readyDataset(first, work);
            experiment = Pilot.plan(first, pilot,
                    Map.of("type", "TRAIN", "params", Map.of("method", "ERM", "epochs", 20, "imageSize", 32,
                            "batchSize", 32, "seed", 3, "selection", "LAST")),
                    Map.of("type", "EVALUATE"));
            JsonNode running = Pilot.await(() -> Pilot.experiment(first, experiment),
                    e -> epochOf(e.get("jobs").get(0)) >= 4, Duration.ofMinutes(2));
            epochAtKill = epochOf(running.get("jobs").get(0));
            assertThat(epochAtKill).as(first.tail()).isGreaterThanOrEqualTo(4).isLessThan(20);
            first.kill();
        }

        try (NodeProcess second = NodeProcess.start("second", work, args)) {
            JsonNode done = Pilot.finished(second, experiment, Duration.ofMinutes(4));
            assertThat(done.get("status").asText()).as(second.tail()).isEqualTo("SUCCEEDED");
            JsonNode train = done.get("jobs").get(0);
            Matcher resumed = RESUMED.matcher(train.get("message").asText());
            assertThat(resumed.find()).as(train.get("message").asText()).isTrue();
            // Checkpoints are written at the end of each epoch. The progress message seen before the kill
            // can be up to a second old, so training may have gone further; but the epoch before the one
            // seen was certainly finished, and the run neither started over nor had finished.
            assertThat(Integer.parseInt(resumed.group(1))).isBetween(epochAtKill - 1, 19);
            List<String> log = Pilot.lines(second, train.get("id").asLong());
            assertThat(log).filteredOn(l -> l.startsWith("resumed after its node stopped")).hasSize(1);
            assertThat(Pilot.lines(second, done.get("jobs").get(1).get("id").asLong()))
                    .filteredOn(l -> l.startsWith("started")).hasSize(1);
        }
    }

    private static int epochOf(JsonNode job) {
        String message = job.get("message").isNull() ? "" : job.get("message").asText();
        Matcher m = EPOCH.matcher(message);
        return job.get("status").asText().equals("RUNNING") && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
