package com.spurlab.platform;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.Described;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A step type that exists only in test code: one class, registered as a bean, and nothing else written
 * for it — the API, the OpenAPI document, the experiment form and the queue must know it from that.
 * It counts each label's images per brightness bin of the split it is given.
 */
@Component
@ConditionalOnProperty(prefix = "spurlab.test", name = "histogram-step", havingValue = "true")
class BrightnessHistogramStep implements Step<BrightnessHistogramStep.Params> {

    record Params(@Min(1) @Max(64) @Described("how many brightness bins") Integer bins) {
        Params {
            bins = bins == null ? 4 : bins;
        }
    }

    private final DatasetService datasets;
    private final RunService runs;

    BrightnessHistogramStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
    }

    @Override
    public String type() {
        return "HISTOGRAM";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public String description() {
        return "Counts each label's training images per brightness bin.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.DATASET_VERSION);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of();
    }

    @Override
    public StepResources resources(Params params) {
        return StepResources.CPU;
    }

    @Override
    public StepOutcome run(StepExecution<Params> job) {
        int bins = job.params().bins();
        Map<String, int[]> histograms = new TreeMap<>();
        List<SampleRecord> train = datasets.samplesForJob(job.datasetVersionId()).stream()
                .filter(s -> s.split().equals("train")).toList();
        for (SampleRecord sample : train) {
            job.progress().checkCancelled();
            histograms.computeIfAbsent(sample.label(), l -> new int[bins])[bin(sample, bins)]++;
        }
        long runId = runs.record(job, type(), null, null, Map.of("bins", bins, "histograms", histograms), List.of());
        return new StepOutcome(runId, "histograms of " + train.size() + " training images");
    }

    private static int bin(SampleRecord sample, int bins) {
        try {
            BufferedImage image = ImageIO.read(sample.image().toFile());
            double sum = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    sum += ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3.0;
                }
            }
            double mean = sum / (image.getWidth() * (double) image.getHeight());
            return Math.min(bins - 1, (int) (mean / 256 * bins));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
