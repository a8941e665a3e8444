package com.spurlab.inference.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXTRACT on hand-built predictions (no model, no images): ranking, slices, inferred attributes, bad input. */
class CueExtractorTest {

    private static final List<String> CLASSES = List.of("coat", "bag");

    @TempDir
    Path dir;

    /**
     * 200 split samples, half per class. The spurious cue: "water" (attribute place=water, caption "... near water")
     * is in train on 90 % of bags; in the split on half of each class, and every coat near water is misclassified
     * (plus 5 % noise errors elsewhere). Embeddings put those errors in their own corner.
     */
    private static Fixture fixture() {
        Random random = new Random(3);
        List<ExtractionSample> split = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        float[][] embeddings = new float[200][];
        for (int i = 0; i < 200; i++) {
            int label = i < 100 ? 0 : 1;
            boolean water = i % 2 == 0;
            boolean error = label == 0 && water || random.nextDouble() < 0.05;
            split.add(sample("s" + i, label, water, "a " + CLASSES.get(label) + (water ? " near water" : " in a field")));
            predictions.add(new Prediction("s" + i, label, error ? 1 - label : label, 0.9f, null));
            float[] e = new float[8];
            for (int d = 0; d < e.length; d++) {
                e[d] = (float) random.nextGaussian() * 0.1f;
            }
            e[label == 0 && water ? 0 : label == 0 ? 1 : water ? 2 : 3] += 1f;
            embeddings[i] = e;
        }
        List<ExtractionSample> train = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            int label = r < 200 ? 0 : 1;
            boolean water = label == 1 ? r % 10 != 0 : r % 10 == 0;
            train.add(sample("t" + r, label, water, "a " + CLASSES.get(label) + (water ? " by the water" : " in fields")));
        }
        return new Fixture(split, new ScoredSamples(predictions, embeddings), train);
    }

    private record Fixture(List<ExtractionSample> split, ScoredSamples scored, List<ExtractionSample> train) {
    }

    private static ExtractionSample sample(String id, int label, boolean water, String caption) {
        return new ExtractionSample(id, Path.of(id + ".png"), label, caption, Map.of("place", water ? "water" : "land"), null);
    }

    private static ExtractionRequest request(Fixture f, Path modelDir) {
        return new ExtractionRequest("val", f.split(), f.scored(), f.train(), CLASSES, modelDir,
                EnumSet.of(CueSource.ATTRIBUTES, CueSource.KEYWORDS, CueSource.SLICES), null, null);
    }

    @Test
    void ranksTheCueThatPredictsBagsInTrainAndBreaksCoatsFirst() {
        CueReport report = new CueExtractor().extract(request(fixture(), null), null).report();

        assertThat(report.cues().subList(0, 2)).extracting(Cue::cue)
                .containsExactlyInAnyOrder("attribute:place=water", "keyword:water");
        assertThat(report.cues().get(0)).satisfies(c -> {
            assertThat(c.rank()).isEqualTo(1);
            assertThat(c.label()).isEqualTo("coat");
            assertThat(c.predicts()).isEqualTo("bag");
            assertThat(c.n()).isEqualTo(50);
            assertThat(c.errorRate()).isEqualTo(1.0);
        });
        assertThat(report.cues()).extracting(Cue::rank).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, report.cues().size()).boxed().toList());
        assertThat(report.foreground()).contains("coat", "bag");
        assertThat(report.baseErrorRate()).isBetween(0.25, 0.32);
    }

    @Test
    void aSliceGathersTheCoatsNearWaterAndIsDescribedByTheCue() {
        Extraction extraction = new CueExtractor().extract(request(fixture(), null), null);

        ErrorSlice slice = extraction.report().slices().stream().max(java.util.Comparator.comparingInt(ErrorSlice::errors))
                .orElseThrow();
        assertThat(slice.label()).isEqualTo("coat");
        assertThat(slice.describedBy()).contains("attribute:place=water");
        List<SampleFindings> members = extraction.findings().stream().filter(f -> f.slice() == slice.id()).toList();
        // coats near water are the even ids below 100
        assertThat(members).allSatisfy(m -> {
            int id = Integer.parseInt(m.sampleId().substring(1));
            assertThat(id < 100 && id % 2 == 0).isTrue();
        });
        Cue row = extraction.report().cues().stream().filter(c -> c.cue().equals("slice:" + slice.id())).findFirst().orElseThrow();
        Cue named = extraction.report().cues().get(0);
        assertThat(row.score()).isLessThanOrEqualTo(named.score());
        assertThat(row.rank()).isGreaterThan(named.rank());

        Map<String, Boolean> inferred = new CueInference(extraction.report(), null, null)
                .infer("slice:" + slice.id(), fixture().split(), fixture().scored().embeddings());
        assertThat(inferred.entrySet()).filteredOn(Map.Entry::getValue).hasSize(members.size());
    }

    @Test
    void keywordCueBecomesAnInferredAttributeThroughStems() {
        CueReport report = new CueExtractor().extract(request(fixture(), null), null).report();

        Map<String, Boolean> inferred = new CueInference(report, null, null).infer("keyword:water",
                List.of(sample("x", 0, true, "Waters nearby"), sample("y", 0, false, "a field"),
                        sample("z", 0, false, null)), null);

        assertThat(inferred).containsExactly(Map.entry("x", true), Map.entry("y", false), Map.entry("z", false));
        assertThatThrownBy(() -> new CueInference(report, null, null).infer("mask", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a yes/no property");
        assertThatThrownBy(() -> new CueInference(report, null, null).infer("colour:red", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown cue");
    }

    @Test
    void anEmptySplitIsRefusedWithWhatToDo() {
        Fixture f = fixture();
        ExtractionRequest empty = new ExtractionRequest("test", List.of(), new ScoredSamples(List.of(), new float[0][]),
                f.train(), CLASSES, null, null, null, null);

        assertThatThrownBy(() -> new CueExtractor().extract(empty, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split 'test' has no samples");
    }

    @Test
    void aModelOfAnotherLabelSetIsRefused() throws IOException {
        new ModelMetadata("m", "cnn", List.of("cat", "dog"), 32, "ERM").write(dir);

        assertThatThrownBy(() -> new CueExtractor().extract(request(fixture(), dir), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[cat, dog]").hasMessageContaining("[coat, bag]")
                .hasMessageContaining("choose a model trained on this dataset version");
    }

    @Test
    void predictionsOfOtherSamplesAreRefused() {
        Fixture f = fixture();
        ExtractionRequest shifted = new ExtractionRequest("val", f.split().subList(1, 200),
                new ScoredSamples(f.scored().predictions().subList(0, 199), java.util.Arrays.copyOf(f.scored().embeddings(), 199)),
                f.train(), CLASSES, null, null, null, null);

        assertThatThrownBy(() -> new CueExtractor().extract(shifted, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction 0 is for sample s0");
    }

    @Test
    void predictionsScoredAgainstOtherLabelsAreRefused() {
        Fixture f = fixture();
        List<Prediction> relabelled = new ArrayList<>(f.scored().predictions());
        Prediction first = relabelled.get(0);
        relabelled.set(0, new Prediction(first.sampleId(), 1, first.predicted(), first.confidence(), null));
        ExtractionRequest request = new ExtractionRequest("val", f.split(), new ScoredSamples(relabelled, f.scored().embeddings()),
                f.train(), CLASSES, null, null, null, null);

        assertThatThrownBy(() -> new CueExtractor().extract(request, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample s0 has label 0 but its prediction was scored against label 1");
    }

    @Test
    void gradientsAreRecordedOnlyForSaliencyOnMaskedData() {
        assertThat(CueExtractor.recordsGradients(CueSource.all(), true)).isTrue();
        assertThat(CueExtractor.recordsGradients(EnumSet.noneOf(CueSource.class), true)).isTrue();
        assertThat(CueExtractor.recordsGradients(CueSource.all(), false)).isFalse();
        assertThat(CueExtractor.recordsGradients(EnumSet.of(CueSource.TEXT, CueSource.SLICES), true)).isFalse();
    }

    @Test
    void misdecodedAndMissingCaptionsAreReportedNotFatal() {
        Fixture f = fixture();
        List<ExtractionSample> odd = new ArrayList<>();
        for (ExtractionSample s : f.split()) {
            int i = Integer.parseInt(s.sampleId().substring(1));
            String caption = i % 4 == 1 ? "a coat in a caf\uFFFD" : i % 4 == 3 ? "  " : s.caption();
            odd.add(new ExtractionSample(s.sampleId(), s.imageFile(), s.label(), caption, s.attributes(), null));
        }
        ExtractionRequest request = new ExtractionRequest("val", odd, f.scored(), f.train(), CLASSES, null,
                EnumSet.of(CueSource.KEYWORDS, CueSource.SALIENCY, CueSource.TEXT), null, null);

        CueReport report = new CueExtractor().extract(request, null).report();

        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("50 captions hold characters decoded with"
                + " the wrong encoding"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("SALIENCY not used"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("TEXT not used"));
        assertThat(report.cues()).extracting(Cue::cue).contains("keyword:water");
    }
}
