package com.spurlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The step platform in one process (H2): a step type written in test code only is planned, documented and
 * run like the built-in ones; a step receives a model from another experiment by {@code modelRunId}; a
 * dataset validation is a job of the queue with its log; a second training waits behind the first
 * without holding a slot.
 */
class StepPlatformIT extends AppITSupport {

    private static long project;
    private static long dataset;

    @BeforeEach
    void readyDataset() {
        if (project == 0) {
            project = createProject("lead", "platform " + System.nanoTime(), "executive");
            dataset = readyVersion("lead", project, "tiny");
        }
    }

    @Test
    void aStepTypeWrittenOnlyInTestCodeIsPlannedDocumentedAndRun() {
        JsonNode steps = get("lead", "/api/v1/steps").getBody();
        JsonNode histogram = StreamSupport.stream(steps.spliterator(), false)
                .filter(s -> s.get("type").asText().equals("HISTOGRAM")).findFirst().orElseThrow();
        assertThat(histogram.at("/parameters/0/name").asText()).isEqualTo("bins");
        assertThat(histogram.at("/parameters/0/max").asDouble()).isEqualTo(64);
        assertThat(histogram.at("/parameters/0/defaultValue").asInt()).isEqualTo(4);

        JsonNode openApi = get("lead", "/api/openapi").getBody();
        assertThat(openApi.at("/components/schemas/StepParams.HISTOGRAM/properties/bins/minimum").asInt()).isEqualTo(1);
        assertThat(openApi.at("/components/schemas/StepParams.HISTOGRAM/properties/bins/maximum").asInt()).isEqualTo(64);
        assertThat(openApi.at("/components/schemas/StepParams.TRAIN/properties/epochs/maximum").asInt()).isEqualTo(500);
        assertThat(openApi.at("/components/schemas/StepParams.TRAIN/properties/method/enum").toString())
                .contains("GROUP_DRO");
        assertThat(openApi.at("/components/schemas/StepParams.EVALUATE/properties/splits/default").toString())
                .isEqualTo("[\"VAL\",\"TEST\"]");

        var outOfRange = plan(Map.of("type", "HISTOGRAM", "params", Map.of("bins", 100)));
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outOfRange.getBody().get("message").asText())
                .isEqualTo("step 1 (HISTOGRAM): bins must be a whole number from 1 to 64, got '100'");

        JsonNode done = finished(planned(Map.of("type", "HISTOGRAM", "params", Map.of("bins", 8))));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode details = get("executive", "/api/v1/runs/" + done.at("/jobs/0/runId").asLong() + "/details")
                .getBody();
        assertThat(details.get("bins").asInt()).isEqualTo(8);
        // The tiny demo set has 100 training images per label: every one is counted in one bin.
        for (JsonNode labelNode : get("lead", "/api/v1/datasets/" + dataset).getBody().get("labels")) {
            String label = labelNode.asText();
            int total = 0;
            for (JsonNode count : details.get("histograms").get(label)) {
                total += count.asInt();
            }
            assertThat(total).as(label + " in " + details).isEqualTo(100);
        }
    }

    @Test
    void aSecondExperimentEvaluatesTheFirstsModelByItsRunId() {
        JsonNode first = finished(planned(Map.of("type", "TRAIN", "params", Map.of("epochs", 1, "imageSize", 32,
                "groupBy", List.of("background"))), Map.of("type", "EVALUATE")));
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
        long trainRun = first.at("/jobs/0/runId").asLong();
        assertThat(first.at("/jobs/0/artifacts/0/type").asText()).isEqualTo("MODEL");
        JsonNode firstMetrics = get("lead", "/api/v1/runs/" + first.at("/jobs/1/runId").asLong() + "/metrics").getBody();

        JsonNode second = finished(planned(Map.of("type", "EVALUATE", "params", Map.of("modelRunId", trainRun,
                "dependsOn", List.of()))));
        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.at("/jobs/0/modelRunId").asLong()).isEqualTo(trainRun);
        // EVALUATE takes the groupBy of the TRAIN that made the model it was named.
        assertThat(second.at("/jobs/0/params/groupBy").toString()).isEqualTo("[\"background\"]");
        JsonNode secondMetrics = get("lead", "/api/v1/runs/" + second.at("/jobs/0/runId").asLong() + "/metrics")
                .getBody();
        assertThat(secondMetrics.get("accuracy").asDouble()).isEqualTo(firstMetrics.get("accuracy").asDouble());
        assertThat(secondMetrics.get("groups").toString()).isEqualTo(firstMetrics.get("groups").toString());

        var missing = plan(Map.of("type", "EVALUATE", "params", Map.of("modelRunId", 999_999)));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var fraction = plan(Map.of("type", "EVALUATE", "params", Map.of("modelRunId", 2.5)));
        assertThat(fraction.getBody().get("message").asText()).contains("modelRunId must be the id of a result");
        JsonNode histogram = finished(planned(Map.of("type", "HISTOGRAM")));
        var notAModel = plan(Map.of("type", "EVALUATE", "params", Map.of("modelRunId",
                histogram.at("/jobs/0/runId").asLong())));
        assertThat(notAModel.getBody().get("error").asText()).isEqualTo("not_a_model");
        long otherProject = createProject("lead2", "elsewhere " + System.nanoTime());
        long otherVersion = readyVersion("lead2", otherProject, "other");
        var foreign = post("lead2", "/api/v1/projects/" + otherProject + "/experiments", Map.of("datasetVersionId",
                otherVersion, "steps", List.of(Map.of("type", "EVALUATE", "params", Map.of("modelRunId", trainRun)))));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aValidationIsAJobOfTheQueueWithItsLogAndCanBeCancelled() {
        long version = upload("lead", project, "validated", tinyArchive()).getBody().get("id").asLong();
        JsonNode ready = await(() -> get("lead", "/api/v1/datasets/" + version).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        long jobId = ready.get("validationJobId").asLong();
        JsonNode job = get("lead", "/api/v1/jobs/" + jobId).getBody();
        assertThat(job.get("type").asText()).isEqualTo("VALIDATE");
        assertThat(job.get("experimentId").isNull()).isTrue();
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("node").asText()).isNotBlank();
        assertThat(lines(jobId)).first().asString().isEqualTo("queued with the upload");
        assertThat(lines(jobId)).anyMatch(l -> l.startsWith("started (attempt 1)"))
                .anyMatch(l -> l.startsWith("succeeded: dataset version " + version + ": READY (340 of 340"));

        // Both CPU slots taken: the next upload's validation waits in the queue, shown there, and a lead cancels it.
        long blockers = planned(noop(60_000, List.of()), noop(60_000, List.of()));
        await(() -> experiment(blockers), e -> e.at("/jobs/1/status").asText().equals("RUNNING"), Duration.ofSeconds(30));
        long waiting = upload("lead", project, "waiting", tinyArchive()).getBody().get("id").asLong();
        long waitingJob = get("lead", "/api/v1/datasets/" + waiting).getBody().get("validationJobId").asLong();
        JsonNode queue = get("lead", "/api/v1/projects/" + project + "/queue").getBody();
        assertThat(StreamSupport.stream(queue.spliterator(), false)
                .filter(e -> e.at("/job/id").asLong() == waitingJob).findFirst().orElseThrow()
                .get("title").asText()).isEqualTo("validate of waiting v1");
        assertThat(post("lead", "/api/v1/jobs/" + waitingJob + "/cancel", Map.of()).getBody().get("status").asText())
                .isEqualTo("CANCELLED");
        JsonNode rejected = get("lead", "/api/v1/datasets/" + waiting).getBody();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/report/problems/0/problem").asText())
                .contains("validation job " + waitingJob + " cancelled");
        experiment(blockers).get("jobs").forEach(j -> post("lead", "/api/v1/jobs/" + j.get("id").asLong()
                + "/cancel", Map.of()));
        finished(blockers);
    }

    @Test
    void aSecondTrainingWaitsBehindTheFirstWithoutHoldingASlot() {
        Map<String, Object> longTraining = Map.of("type", "TRAIN", "params", Map.of("epochs", 300, "imageSize", 32));
        long first = planned(longTraining);
        long second = planned(longTraining);
        JsonNode running = await(() -> experiment(first), e -> e.at("/jobs/0/progress").asDouble() > 0,
                Duration.ofMinutes(1));
        long firstJob = running.at("/jobs/0/id").asLong();
        JsonNode waiting = await(() -> experiment(second), e -> e.at("/jobs/0/message").asText().startsWith("queued behind"),
                Duration.ofSeconds(30));
        assertThat(waiting.at("/jobs/0/status").asText()).isEqualTo("QUEUED");
        assertThat(waiting.at("/jobs/0/message").asText())
                .isEqualTo("queued behind job " + firstJob + ": one training at a time per node");
        // The waiting training holds neither a slot nor a thread: other work runs meanwhile.
        JsonNode other = finished(planned(noop(0, List.of())));
        assertThat(other.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(experiment(second).at("/jobs/0/status").asText()).isEqualTo("QUEUED");

        post("lead", "/api/v1/jobs/" + firstJob + "/cancel", Map.of());
        JsonNode started = await(() -> experiment(second), e -> e.at("/jobs/0/status").asText().equals("RUNNING"),
                Duration.ofSeconds(30));
        assertThat(started.at("/jobs/0/status").asText()).isEqualTo("RUNNING");
        post("lead", "/api/v1/jobs/" + started.at("/jobs/0/id").asLong() + "/cancel", Map.of());
        assertThat(finished(second).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void thePilotIsOnePlanOfTheInstalledStepsAndSaysWhatItLeftOut() {
        List<String> installed = new ArrayList<>();
        get("lead", "/api/v1/steps").getBody().forEach(s -> installed.add(s.get("type").asText()));
        var response = post("lead", "/api/v1/projects/" + project + "/pilots", Map.of("datasetVersionId", dataset));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        long pilot = response.getBody().get("id").asLong();
        JsonNode experiment = experiment(pilot);
        experiment.get("jobs").forEach(j -> post("lead", "/api/v1/jobs/" + j.get("id").asLong() + "/cancel", Map.of()));

        // The tiny set's cue attribute is flagged by its composition: the pilot names it.
        assertThat(experiment.get("name").asText()).contains("(cue attribute:background)");
        List<String> types = new ArrayList<>();
        experiment.get("jobs").forEach(j -> types.add(j.get("type").asText()));
        assertThat(types.subList(0, 2)).containsExactly("TRAIN", "EVALUATE");
        assertThat(experiment.at("/jobs/0/params/method").asText()).isEqualTo("ERM");
        assertThat(experiment.at("/jobs/1/dependencies").toString())
                .isEqualTo("[" + experiment.at("/jobs/0/id").asLong() + "]");
        assertThat(experiment.get("jobs")).anySatisfy(j -> {
            assertThat(j.at("/params/method").asText()).isEqualTo("GROUP_DRO");
            assertThat(j.at("/params/groupBy").toString()).isEqualTo("[\"background\"]");
        });
        assertThat(experiment.get("jobs")).anySatisfy(j -> assertThat(j.at("/params/method").asText()).isEqualTo("DFR"));
        for (String step : List.of("EXTRACT", "EDIT", "SYNTHESIZE", "AUDIT")) {
            if (installed.contains(step)) {
                assertThat(types).contains(step);
            } else {
                assertThat(types).doesNotContain(step);
                assertThat(experiment.get("note").asText()).contains(step + " (");
            }
        }
        // The audits (of the baseline and of the mitigated model) depend on the EDIT step: its pairs give them
        // counterfactual consistency and ODmAP@k.
        if (installed.containsAll(List.of("EDIT", "AUDIT"))) {
            JsonNode edit = jobOf(experiment, "EDIT");
            List<JsonNode> audits = new ArrayList<>();
            experiment.get("jobs").forEach(j -> {
                if (j.get("type").asText().equals("AUDIT")) {
                    audits.add(j);
                }
            });
            assertThat(audits).hasSize(2).allSatisfy(a -> {
                List<Long> dependencies = new ArrayList<>();
                a.get("dependencies").forEach(d -> dependencies.add(d.asLong()));
                assertThat(dependencies).contains(edit.get("id").asLong());
                assertThat(a.at("/params/split").asText()).isEqualTo(edit.at("/params/split").asText());
            });
        }
        var missing = post("lead", "/api/v1/projects/" + project + "/pilots", Map.of("cue", "attribute:background"));
        assertThat(missing.getBody().get("error").asText()).isEqualTo("missing_dataset");
        assertThat(post("executive", "/api/v1/projects/" + project + "/pilots", Map.of("datasetVersionId", dataset))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static JsonNode jobOf(JsonNode experiment, String type) {
        for (JsonNode j : experiment.get("jobs")) {
            if (j.get("type").asText().equals(type)) {
                return j;
            }
        }
        throw new AssertionError("no " + type + " job in " + experiment);
    }

    private long readyVersion(String lead, long projectId, String name) {
        long id = upload(lead, projectId, name, tinyArchive()).getBody().get("id").asLong();
        JsonNode version = await(() -> get(lead, "/api/v1/datasets/" + id).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        assertThat(version.get("status").asText()).isEqualTo("READY");
        return id;
    }

    /** Plans and returns the experiment's id, failing with the refusal's message when it is refused. */
    @SafeVarargs
    private long planned(Map<String, Object>... steps) {
        var response = plan(steps);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asLong();
    }

    @SafeVarargs
    private org.springframework.http.ResponseEntity<JsonNode> plan(Map<String, Object>... steps) {
        return post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", dataset, "steps", List.of(steps)));
    }

    private static Map<String, Object> noop(int millis, List<Integer> dependsOn) {
        return Map.of("type", "NOOP", "params", Map.of("millis", millis, "dependsOn", dependsOn));
    }

    private JsonNode experiment(long id) {
        return get("lead", "/api/v1/experiments/" + id).getBody();
    }

    private JsonNode finished(long id) {
        return await(() -> experiment(id), e -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                .contains(e.get("status").asText()), Duration.ofMinutes(3));
    }

    private List<String> lines(long jobId) {
        List<String> lines = new ArrayList<>();
        get("lead", "/api/v1/jobs/" + jobId + "/log").getBody().forEach(l -> lines.add(l.get("line").asText()));
        return lines;
    }
}
