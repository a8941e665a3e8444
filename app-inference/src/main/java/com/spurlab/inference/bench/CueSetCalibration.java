package com.spurlab.inference.bench;

import com.spurlab.inference.cueset.Backdrop;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How hard each {@link CueSetPreset} is: ERM (the platform's default options) trained on the preset,
 * test accuracy and worst-group accuracy, and the same set trained with its cue balanced (agreement 0.5),
 * whose test accuracy is the core task's learnability. A preset does its job when ERM's worst group is
 * far below the core accuracy.
 *
 * <p>Run from the repository root: {@code bench/cuesets.sh set=STAMPED_WORD,TEXTURE epochs=5 seeds=1}
 * ({@code set=all} for every preset, {@code tiny} for the tiny variants, {@code size=N} to override the image size,
 * {@code classes=2,4} other Fashion-MNIST classes, {@code train=N} training images per class,
 * {@code agreement=A} the training agreement, {@code backdrop=BRIGHT|DIM}, {@code noCore} to skip the balanced twin,
 * {@code coreOnly} to train only the balanced twin).
 */
public final class CueSetCalibration {

    private CueSetCalibration() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        List<CueSetPreset> presets = a.getOrDefault("set", "all").equalsIgnoreCase("all")
                ? Arrays.stream(CueSetPreset.values()).filter(p -> p != CueSetPreset.DEMO).toList()
                : Arrays.stream(a.get("set").split(",")).map(CueSetPreset::parse).toList();
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "5"));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "1"));
        ClassifierNetwork network = ClassifierNetwork.parse(a.getOrDefault("model", "CNN"));
        PrintStream out = System.out;
        List<String> table = new ArrayList<>();
        for (CueSetPreset preset : presets) {
            CueSetSpec spec = a.containsKey("tiny") ? preset.tiny() : preset.spec();
            if (a.containsKey("size")) {
                spec = spec.withImageSize(Integer.parseInt(a.get("size")));
            }
            if (a.containsKey("classes")) {
                List<Integer> classes = Arrays.stream(a.get("classes").split(",")).map(Integer::valueOf).toList();
                spec = new CueSetSpec(classes, spec.cue(), spec.word(), spec.backdrop(), spec.trainCueAgreement(),
                        spec.trainPerClass(), spec.valPerClass(), spec.testPerClass(), spec.imageSize(), spec.seed(),
                        spec.format());
            }
            if (a.containsKey("train")) {
                spec = spec.withCounts(Integer.parseInt(a.get("train")), spec.valPerClass(), spec.testPerClass());
            }
            if (a.containsKey("backdrop")) {
                spec = spec.withBackdrop(Backdrop.valueOf(a.get("backdrop")));
            }
            if (a.containsKey("agreement")) {
                spec = spec.withTrainCueAgreement(Double.parseDouble(a.get("agreement")));
            }
            out.printf("%s: %s %s, %d/%d/%d per class, %d px, agreement %.2f%n", preset, spec.labels(), spec.cue(),
                    spec.trainPerClass(), spec.valPerClass(), spec.testPerClass(), spec.imageSize(), spec.trainCueAgreement());
            for (long seed = 1; seed <= seeds; seed++) {
                EvaluationReport cued = a.containsKey("coreOnly") ? null : trainAndTest(spec, network, epochs, seed);
                EvaluationReport core = a.containsKey("noCore") ? null
                        : trainAndTest(spec.withTrainCueAgreement(0.5), network, epochs, seed);
                String line = String.format("%-16s seed %d  ERM %s  core acc %s", preset, seed,
                        cued == null ? "-" : String.format("test acc %.3f  WGA %.3f (%s)", cued.accuracy(),
                                cued.worstGroupAccuracy(), cued.worstGroup()),
                        core == null ? "-" : String.format("%.3f (WGA %.3f)", core.accuracy(), core.worstGroupAccuracy()));
                out.println(line);
                table.add(line);
            }
        }
        out.println();
        table.forEach(out::println);
    }

    private static EvaluationReport trainAndTest(CueSetSpec spec, ClassifierNetwork network, int epochs, long seed)
            throws IOException {
        Path work = Files.createTempDirectory("spurlab-cuesets-");
        try {
            var set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, work.resolve("set.zip"), spec);
            CueSetSplits splits = CueSetArchive.extract(set, work.resolve("data"));
            TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), spec.imageSize(), epochs,
                    64, 1e-3f, seed, MethodOptions.defaults().withNetwork(network));
            Path modelDir = work.resolve("model");
            TrainingProgress progress = (epoch, all, step, steps, loss, accuracy) -> {
                if (step == steps) {
                    System.out.printf("    epoch %d/%d: training loss %.3f, running accuracy %.3f%n", epoch, all, loss, accuracy);
                }
            };
            new ClassifierTrainer().train(settings, splits.train(), splits.validation(), modelDir, progress);
            return GroupMetrics.evaluate(new ClassifierEvaluator().predict(modelDir, splits.test()), seed);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
