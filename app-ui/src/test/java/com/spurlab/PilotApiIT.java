package com.spurlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** The walking skeleton's slice through the public API: upload → validate → train → evaluate → metrics. */
class PilotApiIT extends AppITSupport {

    @Test
    void vendorUploadsLeadTrainsExecutiveReadsAndVendorIsKeptOutOfResults() {
        long project = createProject("lead", "api pilot", "vendor", "executive");

        var accepted = upload("vendor", project, "fashion-cue", tinyArchive());
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("VALIDATING");
        long dataset = accepted.getBody().get("id").asLong();

        JsonNode version = await(() -> get("vendor", "/api/v1/datasets/" + dataset).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        assertThat(version.get("status").asText()).isEqualTo("READY");
        assertThat(version.get("samples").asInt()).isEqualTo(2 * (100 + 30 + 40));
        assertThat(version.at("/composition/byAttribute/background/suspectedCue").asBoolean()).isTrue();
        assertThat(version.at("/composition/byAttribute/background/cramersV").asDouble()).isGreaterThan(0.7);
        assertThat(get("executive", "/api/v1/datasets/" + dataset).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var planned = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of(
                "datasetVersionId", dataset,
                "steps", List.of(Map.of("type", "TRAIN", "params", Map.of("method", "GROUP_DRO", "model", "CNN", "epochs", 3,
                                "seed", 7, "imageSize", 32, "groupBy", List.of("background"))),
                        Map.of("type", "EVALUATE"))));
        assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long experiment = planned.getBody().get("id").asLong();

        JsonNode done = succeeded("lead", experiment, Duration.ofMinutes(5));
        JsonNode train = done.get("jobs").get(0);
        JsonNode evaluate = done.get("jobs").get(1);
        assertThat(train.get("type").asText()).isEqualTo("TRAIN");
        assertThat(train.get("runId").isNumber()).isTrue();
        long evaluationRun = evaluate.get("runId").asLong();

        JsonNode metrics = get("executive", "/api/v1/runs/" + evaluationRun + "/metrics").getBody();
        assertThat(metrics.get("split").asText()).isEqualTo("test");
        assertThat(metrics.get("n").asInt()).isEqualTo(80);
        List<JsonNode> groups = StreamSupport.stream(metrics.get("groups").spliterator(), false).toList();
        assertThat(groups).hasSize(4);
        assertThat(groups.stream().mapToInt(g -> g.get("n").asInt()).sum()).isEqualTo(80);
        double minGroup = groups.stream().mapToDouble(g -> g.get("accuracy").asDouble()).min().orElseThrow();
        assertThat(metrics.get("worstGroupAccuracy").asDouble()).isEqualTo(minGroup)
                .isLessThanOrEqualTo(metrics.get("accuracy").asDouble());
        assertThat(metrics.get("gap").asDouble()).isEqualTo(
                metrics.get("accuracy").asDouble() - metrics.get("worstGroupAccuracy").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics.get("worstGroupAccuracyCi95").get(0).asDouble())
                .isLessThanOrEqualTo(metrics.get("worstGroupAccuracy").asDouble());
        assertThat(get("executive", "/api/v1/runs/" + train.get("runId").asLong() + "/metrics").getBody()
                .get("runId").asLong()).isEqualTo(evaluationRun);
        assertThat(metrics.get("method").asText()).isEqualTo("GROUP_DRO");

        // The evaluation left a KPI snapshot: the KPI reads it, with its interval and a status that agrees with it.
        assertThat(api("lead").put().uri("/api/v1/projects/{id}/kpis/WORST_GROUP_ACCURACY", project)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("threshold", 0.85))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode kpi = get("executive", "/api/v1/projects/" + project + "/kpis").getBody().get(0);
        assertThat(kpi.get("latest").asDouble()).isEqualTo(metrics.get("worstGroupAccuracy").asDouble());
        assertThat(kpi.at("/latestPoint/evaluationRunId").asLong()).isEqualTo(evaluationRun);
        assertThat(kpi.at("/comparedOn/split").asText()).isEqualTo("test");
        assertThat(kpi.get("baseline").isNull()).as("no ERM evaluation yet").isTrue();
        double ciHigh = kpi.at("/latestPoint/ciHigh").asDouble();
        double ciLow = kpi.at("/latestPoint/ciLow").asDouble();
        assertThat(kpi.get("status").asText()).isEqualTo(ciHigh < 0.85 ? "NOT_MET" : ciLow >= 0.85 ? "MET" : "UNCERTAIN");

        JsonNode details = get("executive", "/api/v1/runs/" + evaluationRun + "/details").getBody();
        JsonNode test = StreamSupport.stream(details.get("splits").spliterator(), false)
                .filter(d -> d.get("split").asText().equals("test")).findFirst().orElseThrow();
        int confusionTotal = 0;
        int confusionCorrect = 0;
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) {
                confusionTotal += test.get("confusion").get(t).get(p).asInt();
                confusionCorrect += t == p ? test.get("confusion").get(t).get(p).asInt() : 0;
            }
        }
        assertThat(confusionTotal).isEqualTo(80);
        assertThat(confusionCorrect / 80.0).isEqualTo(metrics.get("accuracy").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(test.get("errorCount").asInt()).isEqualTo(80 - confusionCorrect);
        // The calibration error is the one of the test predictions kept in the run's embeddings.
        java.nio.file.Path embeddings = dataFolder().resolve("jobs").resolve("job-" + evaluate.get("id").asLong())
                .resolve("embeddings").resolve("embeddings-test.csv");
        assertThat(test.get("expectedCalibrationError").asDouble()).isCloseTo(calibrationError(embeddings),
                org.assertj.core.data.Offset.offset(1e-5));
        // Results name no server path: the errors and embeddings are the run's EMBEDDINGS artifact, by id.
        assertThat(details.toString()).doesNotContain(dataFolder().toString()).doesNotContain(".csv");
        JsonNode artifacts = get("executive", "/api/v1/runs/" + evaluationRun + "/artifacts").getBody();
        assertThat(artifacts).singleElement().satisfies(a -> {
            assertThat(a.get("type").asText()).isEqualTo("EMBEDDINGS");
            assertThat(a.get("runId").asLong()).isEqualTo(evaluationRun);
            assertThat(a.toString()).doesNotContain("/");
        });
        assertThat(evaluate.get("artifacts").get(0).get("id").asLong()).isEqualTo(artifacts.get(0).get("id").asLong());
        // The train split is not scored by default, but its embeddings are kept too.
        assertThat(dataFolder().resolve("jobs/job-" + evaluate.get("id").asLong() + "/embeddings/embeddings-train.csv"))
                .isRegularFile();
        assertThat(get("vendor", "/api/v1/runs/" + evaluationRun + "/details").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(get("vendor", "/api/v1/runs/" + evaluationRun + "/metrics").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("vendor", "/api/v1/projects/" + project + "/kpis").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("vendor", "/api/v1/experiments/" + experiment).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("vendor", "/api/v1/jobs/" + train.get("id").asLong()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badRequestsGetAnErrorThatSaysWhatToFix() {
        long project = createProject("lead", "errors pilot", "executive");

        var unsupported = post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", 999_999, "steps", List.of(Map.of("type", "TRAIN"))));
        assertThat(unsupported.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unsupported.getBody().get("error").asText()).isEqualTo("not_found");
        // Another project's version answers as if it did not exist: ids of other projects stay unknown.
        var elsewhere = post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", 1, "steps", List.of(Map.of("type", "TRAIN"))));
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var notAZip = upload("lead", project, "broken", writeText("not a zip"));
        long rejected = notAZip.getBody().get("id").asLong();
        JsonNode report = await(() -> get("lead", "/api/v1/datasets/" + rejected).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(1));
        assertThat(report.get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.at("/report/problems/0/problem").asText()).contains("not a readable zip");

        var badName = upload("lead", project, "../etc", tinyArchive());
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badName.getBody().get("error").asText()).isEqualTo("invalid_dataset_name");

        assertThat(upload("executive", project, "x", tinyArchive()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("vendor2", project, "x", tinyArchive()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("vendor", "/api/v1/projects", Map.of("name", "mine")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("lead2", "/api/v1/projects/" + project).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("lead", "/api/v1/projects/424242").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void apiTokensAuthenticateAndUnknownCredentialsDoNot() {
        String token = post("lead", "/api/v1/me/tokens", Map.of("label", "ci")).getBody().get("token").asText();
        RestClient client = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(s -> s.isError(), (req, res) -> { }).build();

        var me = client.get().uri("/api/v1/me").headers(h -> h.addAll(bearer(token))).retrieve()
                .toEntity(JsonNode.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("username").asText()).isEqualTo("lead");

        var forged = client.get().uri("/api/v1/me").headers(h -> h.addAll(bearer(token + "x"))).retrieve()
                .toEntity(JsonNode.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody().get("error").asText()).isEqualTo("unauthorized");
        assertThat(client.get().uri("/api/v1/projects").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.get().uri("/actuator/health").retrieve().toEntity(JsonNode.class).getBody()
                .get("status").asText()).isEqualTo("UP");
    }

    /** ECE over 15 equal-width confidence bins, from the rows {@code sample_id,label,predicted,confidence,...}. */
    private static double calibrationError(java.nio.file.Path embeddingsCsv) {
        List<String> rows;
        try {
            rows = java.nio.file.Files.readAllLines(embeddingsCsv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double[] confidence = new double[15];
        int[] correct = new int[15];
        int[] count = new int[15];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double c = Double.parseDouble(f[3]);
            int bin = Math.min(14, (int) (c * 15));
            count[bin]++;
            confidence[bin] += c;
            correct[bin] += f[1].equals(f[2]) ? 1 : 0;
        }
        double ece = 0;
        for (int b = 0; b < 15; b++) {
            if (count[b] > 0) {
                ece += Math.abs((double) correct[b] / count[b] - confidence[b] / count[b]) * count[b] / (rows.size() - 1);
            }
        }
        return ece;
    }

    private static java.nio.file.Path writeText(String text) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("not-a-zip", ".zip");
            return java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
