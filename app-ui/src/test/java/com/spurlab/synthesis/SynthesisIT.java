package com.spurlab.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.core.Json;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DerivedVersions;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.RunService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * TRAIN (GroupDRO) → SYNTHESIZE → TRAIN (ERM) → EVALUATE in one experiment on the tiny demo set (100 training images
 * per label, 90 % on the label's own background, masks in the manifest): the derived version's train split is
 * balanced, val and test are shared, every added sample walks back to its sources, the TRAIN after SYNTHESIZE trains
 * on the derived version, and the result endpoint follows the access rules.
 */
class SynthesisIT extends AppITSupport {

    @Autowired
    DerivedVersions derivedVersions;
    @Autowired
    DatasetService datasets;
    @Autowired
    RunService runs;

    @Test
    void synthesizeDerivesABalancedVersionThatTheNextTrainingUses() {
        long project = createProject("lead", "synthesis " + System.nanoTime(), "executive", "vendor");
        long source = upload("lead", project, "tiny", tinyArchive()).getBody().get("id").asLong();
        JsonNode ready = await(() -> get("lead", "/api/v1/datasets/" + source).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        assertThat(ready.get("status").asText()).isEqualTo("READY");

        var planned = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of("datasetVersionId", source,
                "steps", List.of(
                        Map.of("type", "TRAIN", "params", Map.of("method", "GROUP_DRO", "epochs", 2, "imageSize", 32,
                                "groupBy", List.of("background"))),
                        Map.of("type", "SYNTHESIZE", "params", Map.of("cue", "attribute:background",
                                "qualityModel", "UPSTREAM")),
                        Map.of("type", "TRAIN", "params", Map.of("epochs", 2, "imageSize", 32,
                                "groupBy", List.of("background"))),
                        Map.of("type", "EVALUATE"))));
        assertThat(planned.getStatusCode()).as(String.valueOf(planned.getBody())).isEqualTo(HttpStatus.CREATED);
        long experiment = planned.getBody().get("id").asLong();
        JsonNode done = succeeded("lead", experiment, Duration.ofMinutes(3));
        long synthesisRun = done.at("/jobs/1/runId").asLong();

        JsonNode synthesis = get("executive", "/api/v1/runs/" + synthesisRun + "/synthesis").getBody();
        long derived = synthesis.get("datasetVersionId").asLong();
        assertThat(derived).isNotEqualTo(source);
        assertThat(synthesis.get("sourceVersionId").asLong()).isEqualTo(source);
        // 90 of each label's 100 training images on its own background: 80 added to each label's rare group.
        assertThat(synthesis.get("added").asInt()).isEqualTo(160);
        assertThat(synthesis.get("groupsAfter").toString()).doesNotContain(":10").contains(":90");
        assertThat(synthesis.at("/association/before").asDouble()).isGreaterThan(0.7);
        assertThat(synthesis.at("/association/after").asDouble()).isLessThan(0.05);
        JsonNode quality = synthesis.get("quality");
        assertThat(quality.get("modelRunId").asLong()).isEqualTo(done.at("/jobs/0/runId").asLong());
        assertThat(quality.get("labelConsistency").asDouble()).isBetween(0.0, 1.0);
        assertThat(quality.get("frechetDistance").asDouble()).isPositive();
        assertThat(quality.get("nearDuplicates").asDouble()).isLessThan(0.05);
        assertThat(synthesis.get("examples")).isNotEmpty();
        System.out.printf("SYNTHESIZE: %s; V %.3f -> %.3f; quality %s%n", synthesis.get("groupsAfter"),
                synthesis.at("/association/before").asDouble(), synthesis.at("/association/after").asDouble(), quality);

        JsonNode version = get("lead", "/api/v1/datasets/" + derived).getBody();
        assertThat(version.at("/derivedFrom/datasetVersionId").asLong()).isEqualTo(source);
        assertThat(version.at("/derivedFrom/step").asText()).isEqualTo("SYNTHESIZE");
        assertThat(version.get("samples").asInt()).isEqualTo(ready.get("samples").asInt() + 160);

        // Every added sample walks back to training samples of the source: its origin and its sources.
        Map<Long, SampleRecord> sourceSamples = datasets.samplesForJob(source).stream()
                .collect(Collectors.toMap(SampleRecord::id, Function.identity()));
        List<DerivedVersions.MadeSample> made = derivedVersions.made(derived);
        assertThat(made).hasSize(160).allSatisfy(m -> {
            assertThat(m.split()).isEqualTo("train");
            JsonNode provenance = Json.read(m.provenance(), JsonNode.class);
            assertThat(provenance.get("operation").asText()).isEqualTo("REPLACE_BACKGROUND");
            assertThat(provenance.has("seed")).isTrue();
            SampleRecord origin = sourceSamples.get(m.originSampleId());
            assertThat(origin.split()).isEqualTo("train");
            assertThat(origin.label()).isEqualTo(m.label());
            assertThat(provenance.get("sources").get(0).asLong()).isEqualTo(m.originSampleId());
            SampleRecord donor = sourceSamples.get(provenance.get("sources").get(1).asLong());
            assertThat(donor.attributes().get("background")).isEqualTo(provenance.get("value").asText())
                    .isNotEqualTo(origin.attributes().get("background"));
        });
        // Val and test are the source's samples, shared: the same images, not copies.
        List<SampleRecord> derivedSamples = datasets.samplesForJob(derived);
        for (String split : List.of("val", "test")) {
            assertThat(derivedSamples.stream().filter(s -> s.split().equals(split)).map(SampleRecord::image).sorted())
                    .containsExactlyElementsOf(sourceSamples.values().stream().filter(s -> s.split().equals(split))
                            .map(SampleRecord::image).sorted().toList());
        }

        assertThat(runs.trainedModel(done.at("/jobs/0/runId").asLong()).datasetVersionId()).isEqualTo(source);
        assertThat(runs.trainedModel(done.at("/jobs/2/runId").asLong()).datasetVersionId()).isEqualTo(derived);
        JsonNode metrics = get("lead", "/api/v1/runs/" + done.at("/jobs/3/runId").asLong() + "/metrics").getBody();
        System.out.printf("ERM on the derived version: accuracy %.3f, worst-group accuracy %.3f%n",
                metrics.get("accuracy").asDouble(), metrics.get("worstGroupAccuracy").asDouble());

        var deleteSource = api("lead").delete().uri("/api/v1/datasets/" + source).retrieve().toEntity(JsonNode.class);
        assertThat(deleteSource.getStatusCode().is4xxClientError()).isTrue();
        assertThat(deleteSource.getBody().get("error").asText()).isEqualTo("dataset_has_derived");
        assertThat(get("vendor", "/api/v1/runs/" + synthesisRun + "/synthesis").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var notASynthesis = get("lead", "/api/v1/runs/" + done.at("/jobs/0/runId").asLong() + "/synthesis");
        assertThat(notASynthesis.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notASynthesis.getBody().get("error").asText()).isEqualTo("not_found");
    }
}
