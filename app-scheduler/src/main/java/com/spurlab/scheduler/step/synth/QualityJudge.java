package com.spurlab.scheduler.step.synth;

import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.synth.CueValues;
import com.spurlab.inference.synth.SynthesisQuality;
import com.spurlab.inference.synth.SynthesisResult;
import com.spurlab.inference.synth.SynthesizedItem;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingSettings;
import com.spurlab.scheduler.step.JobProgress;
import com.spurlab.scheduler.step.StepData;
import java.nio.file.Path;
import java.util.List;

/**
 * The quality figures of a synthesis, judged by a model that did not learn the cue: the model upstream, or a
 * GroupDRO model trained here on the original training split with the cue's values as groups (DFR or GroupDRO,
 * not ERM, so a new image's label is read from its content, not from its cue).
 */
final class QualityJudge {

    private final RunService runs;
    private final ClassifierTrainer trainer = new ClassifierTrainer();
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    QualityJudge(RunService runs) {
        this.runs = runs;
    }

    /** The figures; null for {@link QualityModel#NONE} or when nothing was added. */
    SynthesisReport.Quality judge(StepExecution<SynthesizeParams> job, StepData data, CueValues values,
            SynthesisResult result) {
        QualityModel which = job.params().qualityModel();
        if (which == QualityModel.NONE || result.items().isEmpty()) {
            return null;
        }
        List<LabeledImage> real = grouped(data.split("train"), data, values);
        Path modelDir;
        Long modelRunId = null;
        String method;
        if (which == QualityModel.TRAIN) {
            modelDir = job.folder().resolve("quality-model");
            int side = side(real);
            TrainingSettings settings = new TrainingSettings(TrainingMethod.GROUP_DRO, data.classNames(), side,
                    job.params().qualityEpochs(), 64, 1e-3f, job.params().seed(), MethodOptions.defaults());
            job.progress().report(0.6, "training a GroupDRO model to judge the new images");
            trainer.train(settings, real, grouped(data.split("val"), data, values), modelDir,
                    JobProgress.training(job.progress()));
            method = TrainingMethod.GROUP_DRO.name();
        } else {
            RunService.TrainedModel model = runs.trainedModel(job.inputs().require(ArtifactType.MODEL).runId());
            data.requireClasses(model.modelDir());
            modelDir = model.modelDir();
            modelRunId = model.runId();
            method = model.method();
        }
        job.progress().report(0.75, "judging the new images");
        List<LabeledImage> added = result.items().stream().map(QualityJudge::labeled).toList();
        SynthesisQuality.QualityFigures q = new SynthesisQuality(evaluator).measure(modelDir, real, added,
                job.params().seed());
        return new SynthesisReport.Quality(finite(q.labelConsistency()), finite(q.frechetDistance()),
                finite(q.frechetOtherValue()), finite(q.diversity()), finite(q.realDiversity()),
                finite(result.nearDuplicates()), modelRunId, method, which == QualityModel.TRAIN,
                q.groups().stream().map(g -> new SynthesisReport.GroupQuality(g.group(), g.real(), g.added(),
                        g.labelConsistency(), g.frechet(), g.frechetOtherValue(), g.diversity(), g.realDiversity()))
                        .toList());
    }

    /** Images with the cue's value as their group ({@code label|value}; {@code label|?} where a sample has none). */
    private static List<LabeledImage> grouped(List<LabeledImage> images, StepData data, CueValues values) {
        return images.stream().map(i -> {
            String value = values.valueOf(i.sampleId());
            return new LabeledImage(i.sampleId(), i.imageFile(), i.label(),
                    data.classNames().get(i.label()) + "|" + (value == null ? "?" : value));
        }).toList();
    }

    private static LabeledImage labeled(SynthesizedItem item) {
        return new LabeledImage(item.itemId(), item.imageFile(), item.label(), item.group());
    }

    /** The images' own side, between 32 and 64 px: enough for the small CNN, no slower than it must be. */
    private static int side(List<LabeledImage> images) {
        int width = ImageFiles.readRgb(images.get(0).imageFile()).getWidth();
        return Math.max(32, Math.min(64, width));
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
