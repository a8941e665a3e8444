package com.spurlab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.GeneratedCueSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * TRAIN → EVALUATE → AUDIT on a generated cue set (sandals vs sneakers on warm or cool backgrounds with masks, the
 * tiny preset: 150 / 40 / 60 images per class, 32 px), uploaded through the API: the report's figures exist and are
 * sane, a caption keyword naming the background gives the same groups, the endpoint has DESIGN's shape, executives
 * read it and vendors do not; TRAIN → EDIT → AUDIT: the EDIT run's pairs give counterfactual consistency per group
 * and ODmAP@k, on the source version's originals; a plan naming a cue the version lacks, or auditing a split the EDIT
 * upstream did not edit, is refused with the name.
 */
class AuditStepIT extends AppITSupport {

    private static long project;
    private static long dataset;
    private static GeneratedCueSet cueSet;

    @BeforeEach
    void readyDataset() throws IOException {
        if (project == 0) {
            Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-background-masks.zip");
            cueSet = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.BACKGROUND_MASKS.tiny());
            project = createProject("lead", "audit " + System.nanoTime(), "executive", "vendor");
            long id = ready("lead", upload("lead", project, "sandals-sneakers", zip));
            dataset = id;
        }
    }

    @Test
    void anAuditAfterTrainingReportsSaneFiguresThatExecutivesReadAndVendorsDoNot() {
        JsonNode done = finished(planned(
                Map.of("type", "TRAIN", "params", Map.of("epochs", 2, "imageSize", 32)),
                Map.of("type", "EVALUATE"),
                Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(0))),
                Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(0), "cue", "keyword:warm"))));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode auditJob = done.at("/jobs/2");
        // The default cue is the attribute the composition flags, filled in at plan time.
        assertThat(auditJob.at("/params/cue").asText()).isEqualTo("attribute:background");
        assertThat(auditJob.at("/params/split").asText()).isEqualTo("TEST");
        assertThat(auditJob.get("message").asText()).startsWith("attribute:background on test (120 images): ");
        long trainRun = done.at("/jobs/0/runId").asLong();
        long evaluationRun = done.at("/jobs/1/runId").asLong();
        long auditRun = auditJob.get("runId").asLong();
        assertThat(auditJob.at("/artifacts/0/type").asText()).isEqualTo("AUDIT_REPORT");

        ResponseEntity<JsonNode> read = get("executive", "/api/v1/runs/" + auditRun + "/audit");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode audit = read.getBody();
        assertThat(audit.get("runId").asLong()).isEqualTo(auditRun);
        assertThat(audit.get("modelRunId").asLong()).isEqualTo(trainRun);
        assertThat(audit.get("method").asText()).isEqualTo("ERM");
        assertThat(audit.get("split").asText()).isEqualTo("test");
        assertThat(audit.get("n").asInt()).isEqualTo(cueSet.samples("test").size()).isEqualTo(120);

        // For the one label pair a cue-contrast test and, the set having masks, an isolated-concepts test (object on
        // grey vs its inpainted background), neither an approximation: DESIGN's fields, sane.
        assertThat(audit.get("eat").findValuesAsText("design")).containsExactly("CUE_CONTRAST", "ISOLATED_CONCEPTS");
        assertThat(audit.get("approximations")).isEmpty();
        assertThat(audit.at("/eat/1/construction").toString()).contains("REMOVE_BACKGROUND");
        JsonNode eat = audit.at("/eat/0");
        assertThat(eat.get("target").asText()).contains(" vs ");
        assertThat(eat.get("attribute").asText()).contains(" vs ");
        assertThat(eat.get("pValue").asDouble()).isBetween(0.0, 1.0);
        assertThat(eat.get("effectSize").asDouble()).isBetween(-2.0, 2.0)
                .isBetween(eat.get("effectSizeCiLow").asDouble(), eat.get("effectSizeCiHigh").asDouble());
        assertThat(eat.get("n").asInt()).isEqualTo(eat.get("sizeX").asInt() + eat.get("sizeY").asInt())
                .isPositive().isLessThanOrEqualTo(120);
        assertThat(eat.get("construction")).isNotEmpty();

        JsonNode gaps = audit.get("gaps");
        assertThat(gaps.get("accuracy").asDouble()).isBetween(gaps.at("/intervals/accuracy/ciLow").asDouble(),
                gaps.at("/intervals/accuracy/ciHigh").asDouble());
        assertThat(gaps.get("tpr").asDouble()).isBetween(0.0, 1.0);
        assertThat(gaps.get("fpr").asDouble()).isBetween(0.0, 1.0);
        assertThat(gaps.get("groups")).hasSize(4);
        int groupTotal = 0;
        for (JsonNode g : gaps.get("groups")) {
            groupTotal += g.at("/accuracy/n").asInt();
        }
        assertThat(groupTotal).isEqualTo(120);
        // The audit's worst group is the evaluation's: the same model, predictions and groups (label × background).
        JsonNode metrics = get("lead", "/api/v1/runs/" + evaluationRun + "/metrics").getBody();
        assertThat(gaps.get("worstGroupAccuracy").asDouble())
                .isCloseTo(metrics.get("worstGroupAccuracy").asDouble(), within(1e-9));
        assertThat(gaps.at("/overall/value").asDouble()).isCloseTo(metrics.get("accuracy").asDouble(), within(1e-9));

        // Without an EDIT run: no consistency, no ODmAP, and the report says why.
        assertThat(audit.get("counterfactualConsistency").isNull()).isTrue();
        assertThat(audit.get("odmap").isNull()).isTrue();
        assertThat(audit.get("notes").toString()).contains("no EDIT run given").doesNotContain("no concept editor");
        assertThat(audit.get("findings")).isNotEmpty();
        audit.get("findings").forEach(f -> assertThat(f.get("text").asText()).isNotBlank());

        // The captions name the background ("a sandal on a warm ... background"): the keyword splits the test images
        // exactly as the attribute does, so the same model has the same worst group under either name.
        JsonNode keyword = get("lead", "/api/v1/runs/" + done.at("/jobs/3/runId").asLong() + "/audit").getBody();
        assertThat(keyword.get("cue").asText()).isEqualTo("keyword:warm");
        assertThat(keyword.get("n").asInt()).isEqualTo(120);
        assertThat(keyword.at("/gaps/groups").findValuesAsText("context")).containsOnly("present", "absent");
        assertThat(keyword.at("/gaps/worstGroupAccuracy").asDouble()).isEqualTo(gaps.get("worstGroupAccuracy").asDouble());
        assertThat(keyword.at("/gaps/worstGroup").asText()).isEqualTo(gaps.get("worstGroup").asText()
                .replace("warm", "present").replace("cool", "absent"));

        assertThat(get("lead", "/api/v1/runs/" + auditRun + "/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> vendor = get("vendor", "/api/v1/runs/" + auditRun + "/audit");
        assertThat(vendor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notAnAudit = get("lead", "/api/v1/runs/" + evaluationRun + "/audit");
        assertThat(notAnAudit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notAnAudit.getBody().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void anEditUpstreamGivesCounterfactualConsistencyPerGroupAndOdmapOnTheOriginals() {
        JsonNode done = finished(planned(
                Map.of("type", "TRAIN", "params", Map.of("epochs", 2, "imageSize", 32, "batchSize", 32,
                        "learningRate", 0.003, "seed", 5)),
                Map.of("type", "EDIT", "params", Map.of("dependsOn", List.of(0), "operation", "REMOVE_BACKGROUND")),
                Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(1)))));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        long editRun = done.at("/jobs/1/runId").asLong();
        long edited = done.at("/jobs/1/artifacts").findParents("type").stream()
                .filter(a -> a.get("type").asText().equals("DATASET_VERSION")).findFirst().orElseThrow()
                .get("datasetVersionId").asLong();
        JsonNode audit = get("executive", "/api/v1/runs/" + done.at("/jobs/2/runId").asLong() + "/audit").getBody();
        System.out.println("AUDIT after EDIT: consistency " + audit.get("consistency") + ", odmap " + audit.get("odmap"));

        // The audit is of the 120 originals of the source version, not of the edited version's test split (the edits).
        assertThat(audit.get("modelRunId").asLong()).isEqualTo(done.at("/jobs/0/runId").asLong());
        assertThat(audit.get("n").asInt()).isEqualTo(120);
        assertThat(audit.get("datasetVersionId").asLong()).isEqualTo(dataset);
        assertThat(audit.get("editRunId").asLong()).isEqualTo(editRun);
        assertThat(audit.get("editOperation").asText()).isEqualTo("REMOVE_BACKGROUND");
        assertThat(audit.get("notes").toString()).contains("dataset version " + edited + " is EDIT run " + editRun
                + "'s edited version").contains("source version " + dataset).doesNotContain("no EDIT run given");
        assertThat(audit.get("gaps").get("groups")).hasSize(4);

        // Consistency: every edited original re-scored, a share with its Wilson interval, per label × background.
        JsonNode c = audit.get("consistency");
        double consistency = audit.get("counterfactualConsistency").asDouble();
        assertThat(consistency).isBetween(0.0, 1.0).isEqualTo(c.at("/overall/value").asDouble())
                .isBetween(c.at("/overall/ciLow").asDouble(), c.at("/overall/ciHigh").asDouble());
        assertThat(c.at("/overall/n").asInt()).isEqualTo(120);
        assertThat(c.at("/overall/successes").asInt() / 120.0).isEqualTo(consistency);
        assertThat(c.get("groups")).hasSize(4);
        int pairs = 0;
        for (JsonNode g : c.get("groups")) {
            assertThat(g.at("/consistency/value").asDouble()).isBetween(g.at("/consistency/ciLow").asDouble(),
                    g.at("/consistency/ciHigh").asDouble()).isBetween(0.0, 1.0);
            assertThat(g.at("/consistency/tooSmall").asBoolean()).isFalse();
            pairs += g.at("/consistency/n").asInt();
        }
        assertThat(pairs).isEqualTo(120);
        assertThat(c.get("groups").findValuesAsText("group")).contains(c.get("lowestGroup").asText());

        // ODmAP@10: originals against queries with the background removed, the drop their paired difference.
        JsonNode o = audit.get("odmap");
        assertThat(o.get("k").asInt()).isEqualTo(10);
        assertThat(o.get("queries").asInt() + o.get("skipped").asInt()).isEqualTo(120);
        assertThat(o.get("original").asDouble()).isBetween(0.0, 1.0);
        assertThat(o.get("edited").asDouble()).isBetween(0.0, 1.0);
        assertThat(o.get("drop").asDouble()).isCloseTo(o.get("original").asDouble() - o.get("edited").asDouble(),
                within(1e-9));
        assertThat(o.get("drop").asDouble()).isBetween(o.at("/intervals/drop/ciLow").asDouble(),
                o.at("/intervals/drop/ciHigh").asDouble());

        // Each figure has its plain-language finding.
        JsonNode findings = audit.get("findings");
        assertThat(findings.findValuesAsText("metric")).contains("consistency", "odmap");
        for (JsonNode f : findings) {
            if (f.get("metric").asText().equals("consistency")) {
                assertThat(f.get("text").asText()).contains(String.format(java.util.Locale.ROOT, "%.0f %% flip when it"
                        + " is removed", 100 * (1 - consistency)));
            } else if (f.get("metric").asText().equals("odmap")) {
                assertThat(f.get("text").asText()).contains(String.format(java.util.Locale.ROOT, "mAP@10 %s from %.2f"
                        + " to %.2f", o.get("drop").asDouble() >= 0 ? "falls" : "rises", o.get("original").asDouble(),
                        o.get("edited").asDouble()));
            }
        }
    }

    @Test
    void aPlanNamingACueTheVersionLacksIsRefusedWithItsName() {
        Map<String, Object> train = Map.of("type", "TRAIN", "params", Map.of("epochs", 1));
        ResponseEntity<JsonNode> unknown = plan(train, Map.of("type", "AUDIT", "params",
                Map.of("cue", "attribute:weather")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("message").asText()).isEqualTo("step 2 (AUDIT): cue names attribute 'weather'"
                + " which dataset version " + dataset + " does not have; it has [background]");

        ResponseEntity<JsonNode> value = plan(train, Map.of("type", "AUDIT", "params",
                Map.of("cue", "attribute:background=purple")));
        assertThat(value.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(value.getBody().get("message").asText()).contains("value 'purple'").contains("[cool, warm]");

        for (String region : List.of("slice:3", "mask")) {
            ResponseEntity<JsonNode> refused = plan(train, Map.of("type", "AUDIT", "params", Map.of("cue", region)));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("message").asText()).startsWith("step 2 (AUDIT): cue '" + region
                    + "' cannot be audited: AUDIT needs each sample's value of the cue");
        }

        ResponseEntity<JsonNode> malformed = plan(train, Map.of("type", "AUDIT", "params", Map.of("cue", "weather")));
        assertThat(malformed.getBody().get("message").asText()).startsWith("step 2 (AUDIT): cue must be a cue name");
        ResponseEntity<JsonNode> k = plan(train, Map.of("type", "AUDIT", "params", Map.of("k", 0)));
        assertThat(k.getBody().get("message").asText()).startsWith("step 2 (AUDIT): k must be");
        ResponseEntity<JsonNode> otherSplit = plan(train, Map.of("type", "EDIT", "params", Map.of("dependsOn",
                List.of(0), "split", "VAL")), Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(1))));
        assertThat(otherSplit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherSplit.getBody().get("message").asText()).isEqualTo("step 3 (AUDIT): the EDIT step upstream"
                + " edits the val split, and this audit is of the test split: audit the split the EDIT step edits"
                + " (split: VAL), or plan the audit without depending on the EDIT step");
        ResponseEntity<JsonNode> noModel = plan(Map.of("type", "AUDIT"));
        assertThat(noModel.getBody().get("error").asText()).isEqualTo("missing_input");
    }

    @SafeVarargs
    private long planned(Map<String, Object>... steps) {
        ResponseEntity<JsonNode> response = plan(steps);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asLong();
    }

    @SafeVarargs
    private ResponseEntity<JsonNode> plan(Map<String, Object>... steps) {
        return post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", dataset, "steps", List.of(steps)));
    }

    private JsonNode finished(long id) {
        return await(() -> get("lead", "/api/v1/experiments/" + id).getBody(), e -> List.of("SUCCEEDED", "FAILED",
                "CANCELLED").contains(e.get("status").asText()), Duration.ofMinutes(3));
    }
}
