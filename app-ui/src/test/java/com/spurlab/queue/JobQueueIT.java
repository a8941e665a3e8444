package com.spurlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The queue in one process (H2): step graphs, skipping with the cause, transient retries with
 * back-off, cancel of queued and running jobs, priorities and FIFO over the configured slots
 * (2 CPU slots). NOOP steps keep it fast; one real training is cancelled mid-run.
 */
class JobQueueIT extends AppITSupport {

    private static long project;
    private static long dataset;

    @BeforeEach
    void readyDataset() {
        if (project == 0) {
            project = createProject("lead", "queue " + System.nanoTime(), "executive");
            long id = upload("lead", project, "tiny", tinyArchive()).getBody().get("id").asLong();
            JsonNode version = await(() -> get("lead", "/api/v1/datasets/" + id).getBody(),
                    v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
            assertThat(version.get("status").asText()).isEqualTo("READY");
            dataset = id;
        }
    }

    @Test
    void aStepStartsWhenAllItsDependenciesSucceededAndIndependentStepsShareTheSlots() {
        JsonNode done = finished(plan(0, noop(800, null), noop(800, ""), noop(0, "0,1")));

        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode a = job(done, 0);
        JsonNode b = job(done, 1);
        JsonNode join = job(done, 2);
        assertThat(join.get("dependencies")).hasSize(2);
        // The two roots ran side by side (two CPU slots); the join only after both had finished.
        assertThat(at(a, "startedAt")).isBefore(at(b, "finishedAt"));
        assertThat(at(b, "startedAt")).isBefore(at(a, "finishedAt"));
        assertThat(at(join, "startedAt")).isAfterOrEqualTo(at(a, "finishedAt")).isAfterOrEqualTo(at(b, "finishedAt"));
        assertThat(lines(join.get("id").asLong())).anyMatch(l -> l.startsWith("started (attempt 1)"))
                .anyMatch(l -> l.startsWith("succeeded"));
    }

    @Test
    void transientFailuresAreRetriedWithBackOffAndAFailureSkipsDependantsWithItsCause() {
        JsonNode recovered = finished(plan(0, Map.of("type", "NOOP", "params", Map.of("transientFailures", 1))));
        assertThat(recovered.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job(recovered, 0).get("attempt").asInt()).isEqualTo(1);
        List<String> log = lines(job(recovered, 0).get("id").asLong());
        assertThat(log).filteredOn(l -> l.startsWith("transient failure")).hasSize(1);
        assertThat(log).filteredOn(l -> l.startsWith("started")).hasSize(2);

        // Three attempts (the configured maximum) all fail: FAILED, and the dependant is SKIPPED with the cause.
        JsonNode failed = finished(plan(0, Map.of("type", "NOOP", "params", Map.of("transientFailures", 3)),
                noop(0, null)));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        JsonNode first = job(failed, 0);
        assertThat(first.get("status").asText()).isEqualTo("FAILED");
        assertThat(first.get("attempt").asInt()).isEqualTo(2);
        assertThat(first.get("message").asText()).contains("after 3 attempts");
        List<Instant> starts = new ArrayList<>();
        for (JsonNode line : get("lead", "/api/v1/jobs/" + first.get("id").asLong() + "/log").getBody()) {
            if (line.get("line").asText().startsWith("started")) {
                starts.add(Instant.parse(line.get("at").asText()));
            }
        }
        assertThat(starts).hasSize(3);
        // Back-off doubles: 200 ms, then 400 ms (test configuration).
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(starts.get(1), starts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        JsonNode skipped = job(failed, 1);
        assertThat(skipped.get("status").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.get("message").asText()).contains("step 1 (NOOP) failed");

        // A lead retries the failed step: the fourth attempt succeeds and the skipped dependant follows.
        assertThat(post("lead", "/api/v1/jobs/" + first.get("id").asLong() + "/retry", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode retried = finished(failed.get("id").asLong());
        assertThat(retried.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(post("lead", "/api/v1/jobs/" + first.get("id").asLong() + "/retry", Map.of()).getBody()
                .get("error").asText()).isEqualTo("job_not_retryable");
    }

    @Test
    void cancelStopsAQueuedJobAtOnceAndARunningOneWithinSeconds() {
        long experiment = plan(0, noop(60_000, null), noop(0, null));
        JsonNode running = await(() -> experiment(experiment), e -> job(e, 0).get("status").asText().equals("RUNNING"),
                Duration.ofSeconds(20));
        long longJob = job(running, 0).get("id").asLong();
        long queuedJob = job(running, 1).get("id").asLong();

        assertThat(post("executive", "/api/v1/jobs/" + queuedJob + "/cancel", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode cancelledQueued = post("lead", "/api/v1/jobs/" + queuedJob + "/cancel", Map.of()).getBody();
        assertThat(cancelledQueued.get("status").asText()).isEqualTo("CANCELLED");

        long asked = System.nanoTime();
        post("lead", "/api/v1/jobs/" + longJob + "/cancel", Map.of());
        JsonNode done = finished(experiment);
        assertThat(job(done, 0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job(done, 0).get("message").asText()).isEqualTo("cancelled while running");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(post("lead", "/api/v1/jobs/" + longJob + "/cancel", Map.of()).getBody().get("error").asText())
                .isEqualTo("job_finished");
    }

    @Test
    void aRunningTrainingStopsAtItsNextBatchWhenCancelled() {
        long experiment = plan(0, Map.of("type", "TRAIN", "params", Map.of("epochs", 200, "imageSize", 32)),
                Map.of("type", "EVALUATE"));
        await(() -> experiment(experiment), e -> job(e, 0).get("progress").asDouble() > 0, Duration.ofMinutes(2));
        long train = job(experiment(experiment), 0).get("id").asLong();
        post("lead", "/api/v1/jobs/" + train + "/cancel", Map.of());
        JsonNode done = finished(experiment);
        assertThat(job(done, 0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job(done, 0).get("runId").isNull()).isTrue();
        assertThat(job(done, 1).get("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void higherPriorityGoesFirstThenFirstQueuedFirst() {
        // Two blockers take both CPU slots; three jobs queue behind them; cancelling the first blocker
        // frees exactly one slot, which the queue must fill in priority, then FIFO, order.
        long blockerA = plan(0, noop(60_000, null));
        long blockerB = plan(0, noop(60_000, null));
        await(() -> List.of(experiment(blockerA), experiment(blockerB)),
                l -> l.stream().allMatch(e -> e.get("status").asText().equals("RUNNING")), Duration.ofSeconds(20));
        long low1 = plan(0, noop(0, null));
        long high = plan(5, noop(0, null));
        long low2 = plan(0, noop(0, null));
        assertThat(job(experiment(high), 0).get("priority").asInt()).isEqualTo(5);
        List<Long> queuedInOrder = StreamSupport.stream(get("executive", "/api/v1/projects/" + project + "/queue")
                        .getBody().spliterator(), false)
                .filter(e -> e.at("/job/status").asText().equals("QUEUED")).map(e -> e.at("/job/experimentId").asLong())
                .toList();
        assertThat(queuedInOrder).containsExactly(high, low1, low2);
        post("lead", "/api/v1/jobs/" + job(experiment(blockerA), 0).get("id").asLong() + "/cancel", Map.of());

        JsonNode lowFirst = finished(low1);
        JsonNode highDone = finished(high);
        JsonNode lowSecond = finished(low2);
        Instant highStart = at(job(highDone, 0), "startedAt");
        assertThat(highStart).isBefore(at(job(lowFirst, 0), "startedAt"));
        assertThat(at(job(lowFirst, 0), "startedAt")).isBefore(at(job(lowSecond, 0), "startedAt"));
        // Only one slot was free meanwhile: each started after the one before it had finished.
        assertThat(at(job(lowFirst, 0), "startedAt")).isAfterOrEqualTo(at(job(highDone, 0), "finishedAt"));
        post("lead", "/api/v1/jobs/" + job(experiment(blockerB), 0).get("id").asLong() + "/cancel", Map.of());
        finished(blockerB);

        // The vendor is no member: the project is "not found" for them, as a missing one would be.
        assertThat(get("vendor", "/api/v1/projects/" + project + "/queue").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("lead", "/api/v1/queue").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "/api/v1/queue").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badPlansAreRefusedWithWhatToFix() {
        var cyclic = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of("datasetVersionId", dataset,
                "steps", List.of(noop(0, "1"), noop(0, null))));
        assertThat(cyclic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cyclic.getBody().get("message").asText()).contains("dependsOn must name earlier steps");
        var orphanEvaluation = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of(
                "datasetVersionId", dataset, "steps", List.of(Map.of("type", "TRAIN"),
                        Map.of("type", "EVALUATE", "params", Map.of("dependsOn", List.of())))));
        assertThat(orphanEvaluation.getBody().get("error").asText()).isEqualTo("missing_input");
        assertThat(orphanEvaluation.getBody().get("message").asText())
                .contains("step 2 (EVALUATE) needs a MODEL: add a step that makes one ([TRAIN")
                .contains("]) to its dependsOn");
        var unknownStep = post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", dataset, "steps", List.of(Map.of("type", "BAKE"))));
        assertThat(unknownStep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownStep.getBody().get("message").asText())
                .startsWith("step 1: step type 'BAKE' is unknown; available: [TRAIN, EVALUATE")
                .contains("EXTRACT", "EDIT", "SYNTHESIZE", "AUDIT", "NOOP", "HISTOGRAM");
        var priority = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of(
                "datasetVersionId", dataset, "priority", 1000, "steps", List.of(noop(0, null))));
        assertThat(priority.getBody().get("error").asText()).isEqualTo("invalid_priority");
    }

    private static Map<String, Object> noop(int millis, String dependsOn) {
        return dependsOn == null ? Map.of("type", "NOOP", "params", Map.of("millis", millis))
                : Map.of("type", "NOOP", "params", Map.of("millis", millis, "dependsOn", dependsOn));
    }

    @SafeVarargs
    private long plan(int priority, Map<String, Object>... steps) {
        var planned = post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", dataset, "priority", priority, "steps", List.of(steps)));
        assertThat(planned.getStatusCode()).as(String.valueOf(planned.getBody())).isEqualTo(HttpStatus.CREATED);
        return planned.getBody().get("id").asLong();
    }

    private JsonNode experiment(long id) {
        return get("lead", "/api/v1/experiments/" + id).getBody();
    }

    private JsonNode finished(long id) {
        return await(() -> experiment(id), e -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                .contains(e.get("status").asText()), Duration.ofMinutes(2));
    }

    private static JsonNode job(JsonNode experiment, int step) {
        return experiment.get("jobs").get(step);
    }

    private JsonNode jobView(long jobId) {
        return get("lead", "/api/v1/jobs/" + jobId).getBody();
    }

    private Instant at(JsonNode experimentJob, String field) {
        return Instant.parse(jobView(experimentJob.get("id").asLong()).get(field).asText());
    }

    private List<String> lines(long jobId) {
        return StreamSupport.stream(get("lead", "/api/v1/jobs/" + jobId + "/log").getBody().spliterator(), false)
                .map(l -> l.get("line").asText()).toList();
    }
}
