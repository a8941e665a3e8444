package com.spurlab.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.edit.EditSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TRAIN (ERM) → EDIT → EVALUATE on a generated cue set uploaded through the API (sandals vs sneakers on warm or cool
 * backgrounds with masks, the tiny preset: 150 / 40 / 60 images per class, 32 px, 90 % cue agreement in training):
 * swapping the background flips the ERM model far more often than the control edit and confirms the cue; the edited
 * version is READY, derived, its test split the edits (each with its origin and provenance), train and val shared by
 * blob; EVALUATE downstream scores the edits; the source version stays as it was; hostile plans are refused.
 */
class EditStepIT extends AppITSupport {

    private static long project;
    private static long dataset;
    private static Map<Long, String> sourceBefore;
    private static JsonNode pilot;

    @Autowired
    private DatasetService datasets;
    @Autowired
    private RunService runs;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void readyDataset() throws IOException {
        if (project == 0) {
            Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-edit-background.zip");
            CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.BACKGROUND_MASKS.tiny());
            project = createProject("lead", "edit " + System.nanoTime(), "executive", "vendor");
            long id = ready("lead", upload("lead", project, "sandals-sneakers", zip));
            dataset = id;
            sourceBefore = fingerprint(dataset);
        }
    }

    /** TRAIN → EDIT with every default → EVALUATE of the edited version, planned and run once for the class. */
    private synchronized JsonNode pilot() {
        if (pilot == null) {
            pilot = finished(planned(
                    Map.of("type", "TRAIN", "params", Map.of("epochs", 2, "imageSize", 32, "batchSize", 32,
                            "learningRate", 0.003, "seed", 5)),
                    Map.of("type", "EDIT", "params", Map.of("dependsOn", List.of(0))),
                    Map.of("type", "EVALUATE", "params", Map.of("dependsOn", List.of(1)))));
        }
        return pilot;
    }

    @Test
    void swappingTheBackgroundConfirmsTheCueAndMakesAnEditedVersionThatEvaluateScores() throws IOException {
        JsonNode done = pilot();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode editJob = done.at("/jobs/1");
        // Plan-time defaults: the composition's cue, a swap of it, the test split, the manifest's masks (all masked).
        assertThat(editJob.at("/params/cue").asText()).isEqualTo("attribute:background");
        assertThat(editJob.at("/params/operation").asText()).isEqualTo("REPLACE_BACKGROUND");
        assertThat(editJob.at("/params/split").asText()).isEqualTo("TEST");
        assertThat(editJob.at("/params/masks").asText()).isEqualTo("MANIFEST");
        assertThat(editJob.get("trainingEngine").asBoolean()).isFalse();
        assertThat(editJob.get("artifacts").findValuesAsText("type")).containsExactlyInAnyOrder("EDIT_SET",
                "DATASET_VERSION");
        long editRun = editJob.get("runId").asLong();
        long edited = editJob.get("artifacts").findParents("type").stream()
                .filter(a -> a.get("type").asText().equals("DATASET_VERSION")).findFirst().orElseThrow()
                .get("datasetVersionId").asLong();
        assertThat(editJob.get("message").asText()).startsWith("REPLACE_BACKGROUND of attribute:background on test: "
                + "120 edited, flip rate ").contains("confirmed; edited dataset version " + edited);

        ResponseEntity<JsonNode> read = get("executive", "/api/v1/runs/" + editRun + "/edits");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode edits = read.getBody();
        assertThat(edits.get("datasetVersionId").asLong()).isEqualTo(edited);
        assertThat(edits.get("sourceVersionId").asLong()).isEqualTo(dataset);
        assertThat(edits.get("modelRunId").asLong()).isEqualTo(done.at("/jobs/0/runId").asLong());
        assertThat(edits.get("cue").asText()).isEqualTo("attribute:background");
        assertThat(edits.get("split").asText()).isEqualTo("test");
        assertThat(edits.get("n").asInt()).isEqualTo(120);
        double flipRate = edits.get("flipRate").asDouble();
        System.out.printf("EDIT on ERM: correct %d, flipped %d, flip rate %.3f [%.3f, %.3f], control %.3f (n %d)%n",
                edits.get("correctBefore").asInt(), edits.get("flipped").asInt(), flipRate, edits.get("ciLow").asDouble(),
                edits.get("ciHigh").asDouble(), edits.get("controlFlipRate").asDouble(), edits.get("controlN").asInt());
        // On the cue-balanced test split a model that reads only the background is right on half the images.
        assertThat(edits.get("correctBefore").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(flipRate).isEqualTo((double) edits.get("flipped").asInt() / edits.get("correctBefore").asInt())
                .isBetween(edits.get("ciLow").asDouble(), edits.get("ciHigh").asDouble())
                .isGreaterThan(edits.get("controlFlipRate").asDouble() + 0.2);
        assertThat(edits.get("confirmed").asBoolean()).isTrue();
        assertThat(edits.get("verdict").asText()).startsWith("Confirmed: the model relies on attribute:background.");
        assertThat(edits.get("groups")).hasSize(4);
        assertThat(edits.get("pairsTotal").asInt()).isEqualTo(120);
        assertThat(edits.toString()).doesNotContain(dataFolder().toString()).doesNotContain(".png");

        // Each pair: an original of the source's test split and its edit in the edited version, linked by origin.
        Map<Long, SampleRecord> editedSamples = datasets.samplesForJob(edited).stream()
                .collect(Collectors.toMap(SampleRecord::id, s -> s));
        Set<Long> sourceTest = datasets.samplesForJob(dataset).stream().filter(s -> s.split().equals("test"))
                .map(SampleRecord::id).collect(Collectors.toSet());
        for (JsonNode p : edits.get("pairs")) {
            SampleRecord e = editedSamples.get(p.get("editedSampleId").asLong());
            assertThat(e.split()).isEqualTo("test");
            assertThat(e.originSampleId()).isEqualTo(p.get("originalSampleId").asLong());
            assertThat(sourceTest).contains(p.get("originalSampleId").asLong());
            // The label stays, the background is the donor's other value.
            assertThat(e.label()).isEqualTo(p.get("label").asText());
            assertThat(p.get("group").asText()).isEqualTo(e.label() + "|" + other(e.attributes().get("background")));
        }
        String provenance = jdbc.queryForObject("select provenance from sample where id = ?", String.class,
                edits.at("/pairs/0/editedSampleId").asLong());
        assertThat(provenance).contains("\"operation\":\"REPLACE_BACKGROUND\"").contains("\"maskSource\":\"MANIFEST\"")
                .contains("\"cue\":\"attribute:background\"").containsPattern("\"donorSampleId\":\\d+")
                .containsPattern("\"seed\":-?\\d+");

        int flippedPairs = 0;
        for (JsonNode p : edits.get("pairs")) {
            flippedPairs += p.get("flipped").asBoolean() ? 1 : 0;
        }
        JsonNode onlyFlipped = get("lead", "/api/v1/runs/" + editRun + "/edits?flipped=true").getBody();
        assertThat(onlyFlipped.get("pairsTotal").asInt()).isEqualTo(flippedPairs).isGreaterThanOrEqualTo(
                edits.get("flipped").asInt());
        assertThat(onlyFlipped.get("pairs").findValuesAsText("flipped")).containsOnly("true");
        JsonNode warmSandals = get("lead", "/api/v1/runs/" + editRun + "/edits?group=sandal|warm&limit=5").getBody();
        assertThat(warmSandals.get("pairs")).hasSize(5);
        assertThat(warmSandals.get("pairs").findValuesAsText("group")).containsOnly("sandal|warm");
        assertThat(warmSandals.get("pairsTotal").asInt()).isEqualTo(30);

        // The edited version: READY, derived, the edits as its test split, train and val shared by blob.
        JsonNode version = get("lead", "/api/v1/datasets/" + edited).getBody();
        assertThat(version.get("status").asText()).isEqualTo("READY");
        assertThat(version.at("/derivedFrom/datasetVersionId").asLong()).isEqualTo(dataset);
        assertThat(version.at("/derivedFrom/runId").asLong()).isEqualTo(editRun);
        assertThat(version.at("/derivedFrom/step").asText()).isEqualTo("EDIT");
        assertThat(version.at("/composition/splits").toString()).isEqualTo(
                get("lead", "/api/v1/datasets/" + dataset).getBody().at("/composition/splits").toString());
        JsonNode diff = get("lead", "/api/v1/datasets/" + dataset + "/diff/" + edited).getBody();
        assertThat(diff.get("unchanged").asInt()).isEqualTo(300 + 80);
        assertThat(diff.get("added").asInt()).isEqualTo(120);
        assertThat(diff.get("removed").asInt()).isEqualTo(120);
        assertThat(editedSamples.values().stream().filter(s -> !s.split().equals("test")))
                .allSatisfy(s -> assertThat(s.originSampleId()).isNotNull());

        // The EDIT_SET artifact's table, as AUDIT reads it: the same pairs, files inside the artifact's folder.
        ArtifactRef set = runs.artifactsOfJobs(List.of(editJob.get("id").asLong())).stream()
                .filter(a -> a.type() == ArtifactType.EDIT_SET).findFirst().orElseThrow();
        EditSet files = EditSet.read(set.location());
        assertThat(files.editedVersionId()).isEqualTo(edited);
        assertThat(files.pairs()).hasSize(120);
        assertThat(files.pairs().get(0).editedSampleId()).isEqualTo(edits.at("/pairs/0/editedSampleId").asText());
        assertThat(files.pairs()).allSatisfy(p -> assertThat(p.editedFile()).exists().startsWith(set.location()));

        // EVALUATE after EDIT scores the edited images with the trained model: its test accuracy is the share of
        // edits the model got right.
        int rightAfter = 0;
        for (JsonNode p : edits.get("pairs")) {
            rightAfter += p.get("predictedAfter").asText().equals(p.get("label").asText()) ? 1 : 0;
        }
        JsonNode metrics = get("lead", "/api/v1/runs/" + done.at("/jobs/2/runId").asLong() + "/metrics").getBody();
        assertThat(metrics.get("n").asInt()).isEqualTo(120);
        assertThat(metrics.get("accuracy").asDouble()).isCloseTo(rightAfter / 120.0, within(1e-9));

        assertThat(fingerprint(dataset)).isEqualTo(sourceBefore);
        assertThat(get("vendor", "/api/v1/runs/" + editRun + "/edits").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notAnEdit = get("lead", "/api/v1/runs/" + done.at("/jobs/2/runId").asLong() + "/edits");
        assertThat(notAnEdit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notAnEdit.getBody().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void hostileCuesAreRefusedWithWhatToFixAndTheSourceVersionStaysAsItWas() {
        Map<String, Object> train = Map.of("type", "TRAIN", "params", Map.of("epochs", 1));
        ResponseEntity<JsonNode> unknown = plan(train, edit(Map.of("cue", "attribute:weather")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("message").asText()).isEqualTo("step 2 (EDIT): the cue attribute:weather names"
                + " attribute 'weather' which dataset version " + dataset + " does not have; it has [background]");
        ResponseEntity<JsonNode> inpaint = plan(train, edit(Map.of("cue", "attribute:background",
                "operation", "INPAINT")));
        assertThat(inpaint.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inpaint.getBody().get("message").asText()).isEqualTo("step 2 (EDIT): INPAINT fills a printed word's"
                + " boxes (a text: cue); for attribute:background, a background cue, use REMOVE_BACKGROUND or"
                + " REPLACE_BACKGROUND");
        assertThat(plan(train, edit(Map.of("cue", "attribute:background=purple"))).getBody().get("message").asText())
                .contains("names no sample of split test: its values there are [cool, warm]");
        assertThat(plan(train, edit(Map.of("cue", "slice:2"))).getBody().get("message").asText())
                .contains("no region to edit");
        assertThat(plan(train, edit(Map.of("margin", 0.9))).getBody().get("message").asText())
                .startsWith("step 2 (EDIT): margin must be");
        assertThat(plan(Map.of("type", "EDIT")).getBody().get("error").asText()).isEqualTo("missing_input");

        // What only the images tell fails the job with the engine's words: no caption holds the keyword.
        long trainRun = pilot().at("/jobs/0/runId").asLong();
        JsonNode failed = finished(planned(Map.of("type", "EDIT", "params", Map.of("modelRunId", trainRun,
                "cue", "keyword:zebra"))));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/jobs/0/message").asText()).isEqualTo("the cue keyword:zebra names no sample of split"
                + " test: no caption contains the word zebra");
        assertThat(fingerprint(dataset)).isEqualTo(sourceBefore);
    }

    private static Map<String, Object> edit(Map<String, Object> params) {
        return Map.of("type", "EDIT", "params", params);
    }

    private static String other(String background) {
        return background.equals("warm") ? "cool" : "warm";
    }

    /** Each sample's id with its split, label, attributes, mask and the SHA-256 of its image file's bytes. */
    private Map<Long, String> fingerprint(long versionId) {
        Map<Long, String> out = new TreeMap<>();
        for (SampleRecord s : datasets.samplesForJob(versionId)) {
            out.put(s.id(), s.split() + " " + s.label() + " " + s.attributes() + " " + s.mask() + " " + sha256(s.image()));
        }
        return out;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
