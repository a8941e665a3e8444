package com.spurlab.inference.bench;

import com.spurlab.inference.data.Augmentation;
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
import com.spurlab.inference.train.TrainingResult;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trains every {@link TrainingMethod} on a {@link CueSetPreset} (the demo set unless {@code set=<preset>}) with the same network, epochs
 * and seeds, and prints test accuracy, worst-group accuracy (bootstrap 95 % interval per run) and
 * the mean over seeds with a 95 % t-interval.
 *
 * <p>Run from the repository root (after {@code ./mvnw -q -pl app-inference -am compile}):
 * <pre>./mvnw -q -pl app-inference test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.MethodComparison \
 *   -Dexec.args="seeds=3 epochs=5 model=CNN methods=ERM,REWEIGHT,GROUP_DRO,JTT,DFR"</pre>
 * ({@code firstSeed=N} starts the seeds at N, so a long comparison can be split over several runs; {@code set=TEXTURE}
 * runs on another preset, {@code tiny} on a preset's tiny variant, {@link #spec} lists the size overrides;
 * {@code batch=} and {@code lr=} change the batch size and learning rate, {@code augmentation=flip,crop=4} the
 * augmentation, in {@link Augmentation#parse}'s form).
 */
public final class MethodComparison {

    private MethodComparison() {
    }

    record Row(TrainingMethod method, long seed, EvaluationReport test, double trainWeighted, double seconds) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "3"));
        int firstSeed = Integer.parseInt(a.getOrDefault("firstSeed", "1"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "5"));
        ClassifierNetwork network = ClassifierNetwork.parse(a.getOrDefault("model", "CNN"));
        List<TrainingMethod> methods = Arrays.stream(a.getOrDefault("methods", "ERM,REWEIGHT,GROUP_DRO,JTT,DFR").split(","))
                .map(TrainingMethod::parse).toList();
        String set = a.getOrDefault("set", "DEMO");
        CueSetSpec spec = spec(a);
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("spurlab-methods-");
        try {
            CueSetSplits splits = CueSetArchive.extract(
                    CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, work.resolve("set.zip"), spec), work.resolve("data"));
            Map<String, Integer> trainCounts = new TreeMap<>();
            splits.train().forEach(s -> trainCounts.merge(s.group(), 1, Integer::sum));
            out.printf("dataset %s %s %s (%s backdrop, %.0f %% of train agree): %d train / %d val / %d test, %d px,"
                            + " train groups %s%n", set, splits.classNames(), spec.cue(), spec.backdrop(),
                    100 * spec.trainCueAgreement(), splits.train().size(), splits.validation().size(), splits.test().size(),
                    spec.imageSize(), trainCounts);
            out.printf("model %s, %d epochs, seeds %d..%d, selection on val by worst-group accuracy%n", network, epochs,
                    firstSeed, firstSeed + seeds - 1);
            MethodOptions d = MethodOptions.defaults().withNetwork(network);
            MethodOptions options = new MethodOptions(d.network(),
                    a.containsKey("augmentation") ? Augmentation.parse(a.get("augmentation")) : d.augmentation(),
                    Double.parseDouble(a.getOrDefault("groupDroEta", String.valueOf(d.groupDroEta()))),
                    Integer.parseInt(a.getOrDefault("jttEpochs", String.valueOf(d.jttEpochs()))),
                    Double.parseDouble(a.getOrDefault("jttUpweight", String.valueOf(d.jttUpweight()))), d.selection(),
                    d.patience(), d.cosineSchedule(),
                    Double.parseDouble(a.getOrDefault("weightDecay", String.valueOf(d.weightDecay()))));
            out.printf("options %s%n", options);
            TrainingSettings base = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), spec.imageSize(), epochs,
                    Integer.parseInt(a.getOrDefault("batch", "64")), Float.parseFloat(a.getOrDefault("lr", "1e-3")), 1,
                    options);
            List<Row> rows = new ArrayList<>();
            for (TrainingMethod method : methods) {
                for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    long start = System.nanoTime();
                    Path modelDir = work.resolve("model-" + method + "-" + seed);
                    TrainingResult r = new ClassifierTrainer().train(base.withMethod(method).withSeed(seed), splits.train(),
                            splits.validation(), modelDir, TrainingProgress.NONE);
                    EvaluationReport test = GroupMetrics.evaluate(new ClassifierEvaluator().predict(modelDir, splits.test()),
                            seed);
                    Row row = new Row(method, seed, test, GroupMetrics.trainWeightedAccuracy(test, trainCounts),
                            (System.nanoTime() - start) / 1e9);
                    rows.add(row);
                    out.printf("%-9s seed %d: test accuracy %.3f ± %.3f, worst-group %.3f [%.3f, %.3f] (%s), avg-group %.3f,"
                                    + " train-weighted %.3f, val wga %.3f, kept epoch %d, %.0f s%n",
                            method, seed, test.accuracy(), 1.96 * Math.sqrt(test.accuracy() * (1 - test.accuracy()) / test.n()),
                            test.worstGroupAccuracy(), test.worstGroupCiLow(), test.worstGroupCiHigh(), test.worstGroup(),
                            test.averageGroupAccuracy(), row.trainWeighted(), r.validationWorstGroupAccuracy(),
                            r.selectedEpoch(), row.seconds());
                }
            }
            out.println();
            out.printf("%-9s  %-22s  %-22s  %s%n", "method", "test accuracy (95% CI)", "worst-group (95% CI)",
                    "over " + seeds + " seeds, t-interval of the seed means");
            for (TrainingMethod method : methods) {
                List<Row> mine = rows.stream().filter(r -> r.method() == method).toList();
                out.printf("%-9s  %-22s  %-22s%n", method,
                        SeedInterval.of(mine.stream().mapToDouble(r -> r.test().accuracy()).toArray()),
                        SeedInterval.of(mine.stream().mapToDouble(r -> r.test().worstGroupAccuracy()).toArray()));
            }
            if (methods.contains(TrainingMethod.ERM) && methods.size() > 1) {
                double erm = meanWorstGroup(rows, TrainingMethod.ERM);
                out.printf("mean worst-group gain over ERM: %s%n", methods.stream().filter(m -> m != TrainingMethod.ERM)
                        .map(m -> String.format(java.util.Locale.ROOT, "%s %+.3f", m, meanWorstGroup(rows, m) - erm))
                        .collect(Collectors.joining(", ")));
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private static double meanWorstGroup(List<Row> rows, TrainingMethod method) {
        return rows.stream().filter(r -> r.method() == method).mapToDouble(r -> r.test().worstGroupAccuracy()).average()
                .orElse(Double.NaN);
    }

    /**
     * A preset of the cue-set generator ({@code set=demo|background-masks|stamped-word|colour-cast|texture|hard-core},
     * default demo; {@code tiny} for its test-sized variant), optionally resized:
     * {@code trainPerClass=1000 valPerClass=200 testPerClass=400 size=64 agreement=0.95 dataSeed=7}.
     */
    static CueSetSpec spec(Map<String, String> a) {
        CueSetPreset preset = CueSetPreset.parse(a.getOrDefault("set", "DEMO"));
        CueSetSpec s = a.containsKey("tiny") ? preset.tiny() : preset.spec();
        s = s.withCounts(Integer.parseInt(a.getOrDefault("trainPerClass", String.valueOf(s.trainPerClass()))),
                Integer.parseInt(a.getOrDefault("valPerClass", String.valueOf(s.valPerClass()))),
                Integer.parseInt(a.getOrDefault("testPerClass", String.valueOf(s.testPerClass()))));
        s = s.withImageSize(Integer.parseInt(a.getOrDefault("size", String.valueOf(s.imageSize()))))
                .withTrainCueAgreement(Double.parseDouble(a.getOrDefault("agreement", String.valueOf(s.trainCueAgreement()))));
        return a.containsKey("dataSeed") ? s.withSeed(Long.parseLong(a.get("dataSeed"))) : s;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
