package com.spurlab.scheduler.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.core.Json;
import com.spurlab.inference.eval.ClassificationReport;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run details that TRAIN and EVALUATE store are strict JSON, also where a figure does not exist. */
class RunDetailsJsonTest {

    /** Strict: NaN and other non-standard numbers are refused, as every JSON reader but a lenient one does. */
    private static final ObjectMapper STRICT = new ObjectMapper().disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private static TrainParams params(TrainingMethod method) {
        return new TrainParams(method, null, null, null, null, null, null, List.of("background"), null, null, null, null,
                null, null);
    }

    @Test
    void aTrainingWithoutValSplitWritesNullValidationFiguresNotNaN() throws Exception {
        // What ClassifierTrainer returns when the validation list is empty: NaN validation figures.
        TrainingResult noVal = new TrainingResult(Path.of("/models/job-7"), 3, 600, 412.5, 0.4321, Double.NaN, "cpu()",
                0, 3, Double.NaN, false, List.of());

        JsonNode json = STRICT.readTree(Json.write(TrainingStep.details(noVal, params(TrainingMethod.ERM))));

        assertThat(json.get("validationAccuracy").isNull()).isTrue();
        assertThat(json.get("validationWorstGroupAccuracy").isNull()).isTrue();
        assertThat(json.get("epochs").asInt()).isEqualTo(3);
        assertThat(json.get("finalLoss").asDouble()).isEqualTo(0.4321);
        assertThat(json.get("model").asText()).isEqualTo("CNN");
        assertThat(json.get("validationUsedForFitting").asBoolean()).isFalse();
    }

    @Test
    void aDfrTrainingSaysItsValidationSplitWasUsedForFitting() throws Exception {
        TrainingResult dfr = new TrainingResult(Path.of("m"), 5, 1000, 100, 0.2, 0.9, "cpu()", 0, 5, 0.8, true, List.of());

        JsonNode json = STRICT.readTree(Json.write(TrainingStep.details(dfr, params(TrainingMethod.DFR))));

        assertThat(json.get("validationUsedForFitting").asBoolean()).isTrue();
        assertThat(json.get("validationWorstGroupAccuracy").asDouble()).isEqualTo(0.8);
    }

    @Test
    void evaluationDetailsWriteMissingFiguresAsNullAndFlagASplitTheModelWasFittedOn() throws Exception {
        ClassificationReport report = new ClassificationReport(new int[][] {{3, 0}, {1, 0}},
                new double[] {0.75, Double.NaN}, new double[] {1, 0}, 0.1, List.of(), List.of());

        JsonNode json = STRICT.readTree(Json.write(EvaluationDetails.split("val", List.of("coat", "dress"), report,
                Double.NaN, true)));

        assertThat(json.at("/precision/1").isNull()).isTrue();
        assertThat(json.get("trainWeightedAccuracy").isNull()).isTrue();
        assertThat(json.get("usedForFitting").asBoolean()).isTrue();
        assertThat(json.at("/confusion/1/0").asInt()).isEqualTo(1);
    }
}
