package com.spurlab.inference.bench;

import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupAccuracy;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingResult;
import com.spurlab.inference.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * End-to-end benchmark on {@link DemoSpec#standard()}: writes the demo set to a temp folder, trains
 * ERM with the default settings, predicts the test split and prints throughput and group metrics.
 *
 * <p>Run from the repository root:
 * <pre>./mvnw -q -pl app-inference test-compile exec:java</pre>
 * ({@code exec.mainClass} defaults to this class; the pom passes {@code -Dai.djl.offline=true}).
 * Optional arguments: Fashion-MNIST class indices (e.g. {@code -Dexec.args="0 6"}) replace the default pair.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long wallStart = System.nanoTime();
        PrintStream out = System.out;
        DemoSpec standard = DemoSpec.standard();
        DemoSpec spec = args.length < 2 ? standard
                : new DemoSpec(Arrays.stream(args).map(Integer::valueOf).toList(), standard.trainPerClass(),
                        standard.valPerClass(), standard.testPerClass(), standard.trainCueCorrelation(), standard.imageSize(),
                        standard.seed());
        Path work = Files.createTempDirectory("spurlab-bench-");
        try {
            long start = System.nanoTime();
            SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, work.resolve("demo.zip"), spec);
            DemoSplits splits = DemoArchive.extract(work.resolve("demo.zip"), work.resolve("data"));
            out.printf("dataset            %s: %d train / %d val / %d test images, %d px, cue correlation %.2f (%.1f s)%n",
                    splits.classNames(), splits.train().size(), splits.validation().size(), splits.test().size(),
                    spec.imageSize(), spec.trainCueCorrelation(), seconds(start));

            TrainingSettings defaults = TrainingSettings.defaults(splits.classNames());
            TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), spec.imageSize(),
                    defaults.epochs(), defaults.batchSize(), defaults.learningRate(), defaults.seed());
            TrainingProgress perEpoch = (epoch, epochs, step, steps, loss, accuracy) -> {
                if (step == steps) {
                    out.printf("epoch %d/%d          last batch loss %.4f, train accuracy %.4f%n", epoch, epochs, loss, accuracy);
                }
            };
            start = System.nanoTime();
            TrainingResult result = new ClassifierTrainer().train(settings, splits.train(), splits.validation(),
                    work.resolve("model"), perEpoch);
            out.printf("training           %d epochs on %s in %.1f s (incl. decoding), validation accuracy %.4f%n",
                    result.epochsCompleted(), result.device(), seconds(start), result.validationAccuracy());

            start = System.nanoTime();
            List<Prediction> predictions = new ClassifierEvaluator().predict(result.modelDir(), splits.test());
            double inferenceSeconds = seconds(start);
            EvaluationReport report = GroupMetrics.evaluate(predictions, spec.seed());

            out.printf("train images/s     %.0f%n", result.imagesPerSecond());
            out.printf("inference images/s %.0f (decode + forward, %d test images)%n", predictions.size() / inferenceSeconds,
                    predictions.size());
            out.printf("test accuracy      %.4f%n", report.accuracy());
            out.printf("worst-group acc    %.4f (%s), 95%% CI [%.4f, %.4f]%n", report.worstGroupAccuracy(), report.worstGroup(),
                    report.worstGroupCiLow(), report.worstGroupCiHigh());
            out.printf("avg-group acc      %.4f%n", report.averageGroupAccuracy());
            out.printf("gap                %.4f%n", report.gap());
            for (GroupAccuracy g : report.groups()) {
                out.printf("  group %-16s n=%4d accuracy %.4f%n", g.group(), g.n(), g.accuracy());
            }
            out.printf("wall time          %.1f s%n", seconds(wallStart));
        } finally {
            deleteRecursively(work);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
