package com.spurlab.results;

import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.Described;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only stand-in for TRAIN, so result views can be tested on many runs without training: it records a
 * TRAIN run with a MODEL artifact and per-epoch history in the shape TrainingStep writes, its curves drawn
 * from the seed. {@link SimulatedEvaluationStep} then scores the real dataset with a simulated predictor.
 */
@Component
@ConditionalOnProperty(prefix = "spurlab.test", name = "simulated-runs", havingValue = "true")
class SimulatedTrainingStep implements Step<SimulatedTrainingStep.Params> {

    record Params(@Described("the training method it pretends to be") String method,
                  @Described("network") String model,
                  @Min(1) @Max(50) @Described("epochs of history") Integer epochs,
                  @DecimalMin("0.5") @DecimalMax("1") @Described("accuracy the simulated model reaches") Double quality,
                  @DecimalMin("0") @DecimalMax("0.5") @Described("accuracy it loses on minority groups") Double bias,
                  @Described("groups the evaluation reports") List<String> groupBy,
                  @Min(0) @Described("seed") Long seed) {
        Params {
            method = method == null ? "ERM" : method;
            model = model == null ? "CNN" : model;
            epochs = epochs == null ? 3 : epochs;
            quality = quality == null ? 0.9 : quality;
            bias = bias == null ? 0.3 : bias;
            groupBy = groupBy == null ? List.of("background") : List.copyOf(groupBy);
            seed = seed == null ? 1L : seed;
        }
    }

    static final String SIMULATED = "simulated-model.txt";

    private final RunService runs;

    SimulatedTrainingStep(RunService runs) {
        this.runs = runs;
    }

    @Override
    public String type() {
        return "SIMULATED_TRAIN";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public String description() {
        return "Test only: records a training run with per-epoch history, without training.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.DATASET_VERSION);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.MODEL);
    }

    @Override
    public StepResources resources(Params params) {
        return StepResources.CPU;
    }

    @Override
    public StepOutcome run(StepExecution<Params> job) {
        Params p = job.params();
        Random random = new Random(p.seed());
        List<Map<String, Object>> history = new ArrayList<>();
        for (int e = 1; e <= p.epochs(); e++) {
            double progress = (double) e / p.epochs();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("phase", "main");
            point.put("epoch", e);
            point.put("trainLoss", 0.7 * (1 - 0.6 * progress) + 0.02 * random.nextDouble());
            point.put("trainAccuracy", 0.5 + (p.quality() - 0.5) * progress);
            point.put("validationAccuracy", 0.5 + (p.quality() - 0.55) * progress);
            point.put("validationWorstGroupAccuracy", 0.3 + (p.quality() - p.bias() - 0.3) * progress);
            history.add(point);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("epochs", p.epochs());
        details.put("model", p.model());
        details.put("selectedEpoch", p.epochs());
        details.put("validationWorstGroupAccuracy", history.get(history.size() - 1).get("validationWorstGroupAccuracy"));
        details.put("groupBy", p.groupBy());
        details.put("history", history);
        Path model = job.folder().resolve("model");
        try {
            Files.createDirectories(model);
            // What the simulated evaluation needs to know about "its model" (jobs have no caller to read runs as).
            Files.writeString(model.resolve(SIMULATED), p.quality() + "\n" + p.bias() + "\n"
                    + String.join(",", p.groupBy()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long runId = runs.record(job, "TRAIN", p.method(), null, details,
                List.of(ArtifactOutput.files(ArtifactType.MODEL, model)));
        return new StepOutcome(runId, "simulated " + p.method() + " training, " + p.epochs() + " epochs");
    }
}
