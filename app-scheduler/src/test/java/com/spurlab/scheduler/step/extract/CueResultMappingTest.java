package com.spurlab.scheduler.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.core.Json;
import com.spurlab.core.cues.CueResult;
import com.spurlab.inference.extract.Cue;
import com.spurlab.inference.extract.CueKind;
import com.spurlab.inference.extract.CueReport;
import com.spurlab.inference.extract.CueSource;
import com.spurlab.inference.extract.ErrorSlice;
import com.spurlab.inference.extract.SaliencyByLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueResultMappingTest {

    private static final double NAN = Double.NaN;

    /** A text cue, a slice it describes, the mask with no measured excess, and timings of a run that read no image. */
    private static CueReport report() {
        Cue text = new Cue(1, "text:sale", CueKind.TEXT, "coat", 40, 18, 0.45, 0.3, 0.6, 3.0, 1.6, 5.6, "dress", 0.7,
                0.21, List.of("17", "23"), List.of());
        Cue slice = new Cue(2, "slice:0", CueKind.SLICE, "coat", 12, 9, 0.75, 0.47, 0.91, 4.1, 2.2, 7.5, null, 0, 0.2,
                List.of("23"), List.of("text:sale"));
        Cue mask = new Cue(3, "mask", CueKind.SALIENCY, "dress", 30, 0, NAN, NAN, NAN, 1.2, NAN, NAN, null, 0, 0,
                List.of(), List.of());
        return new CueReport("val", 80, 0.2, List.of(text, slice, mask),
                List.of(new ErrorSlice(0, "coat", 12, 9, List.of("text:sale"), new float[] {0.6f, 0.8f}, 0.3)),
                List.of(new SaliencyByLabel("dress", 30, 0.55, 0.5, NAN, NAN)), List.of("coat"),
                List.of("KEYWORDS not used"), new CueReport.Timings(1200, 0, 380, NAN, 0));
    }

    @Test
    void storesDesignsFiguresAtDesignsNamesWithNullForFiguresThatDoNotExist() throws Exception {
        CueResult.DerivedAttribute derived = new CueResult.DerivedAttribute("text:sale", "cue:text:sale", 9, 500, 160);
        CueResult result = CueResultMapping.of(report(), List.of(CueSource.TEXT, CueSource.SLICES), derived,
                List.of("step note"));

        String json = Json.write(result);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(tree.get("split").asText()).isEqualTo("val");
        assertThat(tree.get("baseErrorRate").asDouble()).isEqualTo(0.2);
        JsonNode first = tree.at("/cues/0");
        for (String field : List.of("rank", "cue", "kind", "label", "n", "errorRate", "lift", "ciLow", "ciHigh", "score",
                "evidence")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("kind").asText()).isEqualTo("TEXT");
        assertThat(first.get("evidence").get(0).isNumber()).isTrue();
        assertThat(first.get("evidence").get(1).asLong()).isEqualTo(23);
        assertThat(tree.at("/cues/2/errorRate").isNull()).isTrue();
        assertThat(tree.at("/cues/2/ciLow").isNull()).isTrue();
        assertThat(tree.at("/cues/1/describedBy/0").asText()).isEqualTo("text:sale");
        assertThat(tree.at("/slices/0/cue").asText()).isEqualTo("slice:0");
        assertThat(tree.at("/slices/0/errorRate").asDouble()).isEqualTo(0.75);
        assertThat(tree.at("/slices/0/centroid/1").floatValue()).isEqualTo(0.8f);
        assertThat(tree.at("/saliency/0/excessLow").isNull()).isTrue();
        assertThat(tree.at("/timings/ocrMillisPerImage").isNull()).isTrue();
        assertThat(tree.at("/timings/ocrImagesCached").asInt()).isEqualTo(380);
        assertThat(tree.get("sources").toString()).isEqualTo("[\"TEXT\",\"SLICES\"]");
        assertThat(tree.get("notes").toString()).isEqualTo("[\"KEYWORDS not used\",\"step note\"]");
        assertThat(tree.at("/derived/attribute").asText()).isEqualTo("cue:text:sale");
        assertThat(tree.at("/derived/datasetVersionId").asLong()).isEqualTo(9);

        CueResult read = Json.read(json, CueResult.class);
        assertThat(read.cues()).isEqualTo(result.cues());
        assertThat(read.slices().get(0).centroid()).containsExactly(0.6f, 0.8f);
        assertThat(read.derived()).isEqualTo(derived);
    }
}
