package com.spurlab.cues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.GeneratedCueSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * EXTRACT through the API on two generated sets: the tiny stamped-word set (pullover vs shirt, "SALE" printed on 90 %
 * of the pullovers' training images and 10 % of the shirts', image folders with no metadata at all) and the tiny
 * demo (t-shirt vs dress on warm or cool backgrounds, with captions and masks). The printed word and the background
 * rank in the top 3 from what each set holds; the word becomes an attribute of a derived version that GroupDRO trains
 * on; executives read the cues, vendors do not, and what is wrong in a plan is refused with what to fix.
 */
class ExtractStepIT extends AppITSupport {

    private static long project;
    private static long stamped;
    private static long demo;
    private static GeneratedCueSet stampedSet;

    @BeforeEach
    void readyDatasets() throws IOException {
        if (project == 0) {
            Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-stamped-word.zip");
            stampedSet = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.STAMPED_WORD.tiny());
            project = createProject("lead", "cues " + System.nanoTime(), "executive", "vendor");
            stamped = ready("lead", upload("lead", project, "stamped-word", zip));
            demo = ready("lead", upload("lead", project, "background", tinyArchive()));
        }
    }

    @Test
    void thePrintedWordRanksFromThePixelsAloneAndBecomesAnAttributeGroupDroTrainsOn() {
        JsonNode done = finished(planned(stamped,
                Map.of("type", "TRAIN", "params", Map.of("epochs", 3, "imageSize", 64, "learningRate", 0.003,
                        "seed", 5)),
                Map.of("type", "EXTRACT", "params", Map.of("deriveAttribute", "text:sale")),
                Map.of("type", "TRAIN", "params", Map.of("method", "GROUP_DRO", "groupBy", List.of("cue:text:sale"),
                        "epochs", 2, "imageSize", 64, "learningRate", 0.003, "seed", 5)),
                Map.of("type", "EVALUATE", "params", Map.of("splits", List.of("TEST")))));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode extract = done.at("/jobs/1");
        // No attributes, captions or masks: only the sources that read pixels and errors, and no training slot.
        assertThat(extract.at("/params/sources").toString()).isEqualTo("[\"TEXT\",\"SLICES\"]");
        assertThat(extract.get("trainingEngine").asBoolean()).isFalse();
        assertThat(extract.get("message").asText()).startsWith("val: 80 images").contains("cue:text:sale");
        long runId = extract.get("runId").asLong();

        JsonNode cues = get("executive", "/api/v1/runs/" + runId + "/cues").getBody();
        assertThat(cues.get("runId").asLong()).isEqualTo(runId);
        assertThat(cues.get("modelRunId").asLong()).isEqualTo(done.at("/jobs/0/runId").asLong());
        assertThat(cues.get("split").asText()).isEqualTo("val");
        assertThat(cues.get("baseErrorRate").asDouble()).isBetween(0.0, 1.0);
        List<JsonNode> top = new ArrayList<>();
        cues.get("cues").forEach(top::add);
        assertThat(top.subList(0, 3)).as(cues.get("cues").toString()).anySatisfy(c -> {
            assertThat(c.get("cue").asText()).isEqualTo("text:sale");
            assertThat(c.get("kind").asText()).isEqualTo("TEXT");
            assertThat(c.get("predicts").asText()).isEqualTo(stampedSet.labels().get(0));
            assertThat(c.get("lift").asDouble()).isBetween(c.get("ciLow").asDouble(), c.get("ciHigh").asDouble());
            // Evidence: errors that carry the word, ids of the uploaded version's samples.
            Map<Long, CueSample> truth = truthById(stamped, "val");
            assertThat(c.get("evidence")).isNotEmpty().allSatisfy(id ->
                    assertThat(truth.get(id.asLong()).cueValue()).isEqualTo("stamped"));
        });
        for (int i = 0; i < top.size(); i++) {
            assertThat(top.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
        assertThat(cues.at("/timings/ocrImagesRead").asInt() + cues.at("/timings/ocrImagesCached").asInt())
                .isGreaterThanOrEqualTo(80);

        // The derived version: every split shared, each sample with cue:text:sale read by OCR.
        long derived = cues.at("/derived/datasetVersionId").asLong();
        assertThat(done.at("/jobs/1/artifacts").toString()).contains("CUES").contains("DATASET_VERSION");
        JsonNode version = get("lead", "/api/v1/datasets/" + derived).getBody();
        assertThat(version.at("/derivedFrom/datasetVersionId").asLong()).isEqualTo(stamped);
        assertThat(version.at("/derivedFrom/step").asText()).isEqualTo("EXTRACT");
        assertThat(version.get("samples").asInt()).isEqualTo(stampedSet.samples().size());
        JsonNode counts = version.at("/composition/byAttribute/cue:text:sale/counts/train");
        for (String label : stampedSet.labels()) {
            long truthStamped = stampedSet.samples("train").stream()
                    .filter(s -> s.labelName().equals(label) && s.cueValue().equals("stamped")).count();
            int yes = counts.at("/" + label + "/yes").asInt();
            // OCR reads most stamped words (about 85 % measured) and invents almost none.
            assertThat(yes).as(label + " " + counts).isBetween((int) (truthStamped * 3 / 4), (int) truthStamped + 3);
        }

        // GROUP_DRO and the evaluation after it work on the derived version, grouped by the inferred cue (on the
        // uploaded version, which lacks it, they would have refused the attribute).
        JsonNode groupDro = get("lead", "/api/v1/runs/" + done.at("/jobs/2/runId").asLong() + "/details").getBody();
        assertThat(groupDro.get("groupBy").toString()).isEqualTo("[\"cue:text:sale\"]");
        JsonNode metrics = get("lead", "/api/v1/runs/" + done.at("/jobs/3/runId").asLong() + "/metrics").getBody();
        assertThat(metrics.get("groupBy").asText()).isEqualTo("cue:text:sale");
        List<String> groups = new ArrayList<>();
        metrics.get("groups").forEach(g -> groups.add(g.get("group").asText()));
        assertThat(groups).containsExactlyInAnyOrderElementsOf(stampedSet.labels().stream()
                .flatMap(l -> List.of(l + "|yes", l + "|no").stream()).toList());

        assertThat(get("vendor", "/api/v1/runs/" + runId + "/cues").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notCues = get("lead", "/api/v1/runs/" + done.at("/jobs/0/runId").asLong() + "/cues");
        assertThat(notCues.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notCues.getBody().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theBackgroundAttributeAndKeywordRankFromCaptionsAndAttributesWithSaliencyInTheTrainingSlot() {
        JsonNode done = finished(planned(demo,
                Map.of("type", "TRAIN", "params", Map.of("epochs", 3, "imageSize", 32, "learningRate", 0.003,
                        "seed", 11)),
                Map.of("type", "EXTRACT", "params", Map.of("split", "TEST"))));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode extract = done.at("/jobs/1");
        assertThat(extract.at("/params/sources").toString())
                .isEqualTo("[\"ATTRIBUTES\",\"KEYWORDS\",\"TEXT\",\"SLICES\",\"SALIENCY\"]");
        assertThat(extract.get("trainingEngine").asBoolean()).isTrue();

        JsonNode cues = get("lead", "/api/v1/runs/" + extract.get("runId").asLong() + "/cues").getBody();
        List<String> top = new ArrayList<>();
        cues.get("cues").forEach(c -> top.add(c.get("cue").asText()));
        assertThat(top.subList(0, 3)).as(top.toString()).anySatisfy(c -> assertThat(c).startsWith("attribute:background="))
                .anySatisfy(c -> assertThat(c).isIn("keyword:warm", "keyword:cool"));
        assertThat(cues.get("saliency")).hasSize(2);
        assertThat(cues.get("foreground").toString()).contains("dress");
        assertThat(cues.get("derived").isNull()).isTrue();
    }

    @Test
    void whatAPlanGetsWrongIsRefusedWithWhatToFix() {
        Map<String, Object> train = Map.of("type", "TRAIN", "params", Map.of("epochs", 1));
        ResponseEntity<JsonNode> saliency = plan(stamped, train,
                Map.of("type", "EXTRACT", "params", Map.of("sources", "text,saliency")));
        assertThat(saliency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(saliency.getBody().get("message").asText()).isEqualTo("step 2 (EXTRACT): source SALIENCY compares "
                + "input gradients with foreground masks, and no sample of the val split of dataset version " + stamped
                + " has a mask; leave it out of sources");

        ResponseEntity<JsonNode> unknown = plan(stamped, train,
                Map.of("type", "EXTRACT", "params", Map.of("sources", List.of("PIXELS"))));
        assertThat(unknown.getBody().get("message").asText()).startsWith("step 2 (EXTRACT): sources must be");

        ResponseEntity<JsonNode> mask = plan(stamped, train,
                Map.of("type", "EXTRACT", "params", Map.of("deriveAttribute", "mask")));
        assertThat(mask.getBody().get("message").asText()).isEqualTo("step 2 (EXTRACT): deriveAttribute must be TOP "
                + "or a cue name (attribute:<name>=<value>, keyword:<word>, text:<word> or slice:<n>), got 'mask'");

        ResponseEntity<JsonNode> attribute = plan(demo, train,
                Map.of("type", "EXTRACT", "params", Map.of("deriveAttribute", "attribute:weather=rain")));
        assertThat(attribute.getBody().get("message").asText()).isEqualTo("step 2 (EXTRACT): deriveAttribute names "
                + "attribute 'weather' which dataset version " + demo + " does not have; it has [background]");

        ResponseEntity<JsonNode> noModel = plan(stamped, Map.of("type", "EXTRACT"));
        assertThat(noModel.getBody().get("error").asText()).isEqualTo("missing_input");

        // A model of the stamped set (pullover, shirt) cannot explain the demo's errors (t-shirt, dress).
        JsonNode trained = finished(planned(stamped, Map.of("type", "TRAIN", "params", Map.of("epochs", 1,
                "imageSize", 32))));
        long model = trained.at("/jobs/0/runId").asLong();
        ResponseEntity<JsonNode> otherLabels = plan(demo, Map.of("type", "EXTRACT", "params", Map.of("modelRunId", model)));
        assertThat(otherLabels.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherLabels.getBody().get("error").asText()).isEqualTo("label_mismatch");
        assertThat(otherLabels.getBody().get("message").asText()).contains("name a model of the same label set");
    }

    /** The uploaded version's sample ids of a split, mapped to the generator's ground truth by archive path. */
    private Map<Long, CueSample> truthById(long version, String split) {
        Map<String, CueSample> byPath = stampedSet.samples(split).stream()
                .collect(Collectors.toMap(CueSample::path, Function.identity()));
        Map<Long, CueSample> truth = new HashMap<>();
        get("lead", "/api/v1/datasets/" + version + "/samples?split=" + split + "&limit=200").getBody()
                .forEach(s -> truth.put(s.get("id").asLong(), byPath.get(s.get("path").asText())));
        assertThat(truth).hasSize(stampedSet.samples(split).size()).doesNotContainValue(null);
        return truth;
    }

    @SafeVarargs
    private long planned(long version, Map<String, Object>... steps) {
        ResponseEntity<JsonNode> response = plan(version, steps);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asLong();
    }

    @SafeVarargs
    private ResponseEntity<JsonNode> plan(long version, Map<String, Object>... steps) {
        return post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", version, "steps", List.of(steps)));
    }

    private JsonNode finished(long id) {
        return await(() -> get("lead", "/api/v1/experiments/" + id).getBody(), e -> List.of("SUCCEEDED", "FAILED",
                "CANCELLED").contains(e.get("status").asText()), Duration.ofMinutes(10));
    }
}
