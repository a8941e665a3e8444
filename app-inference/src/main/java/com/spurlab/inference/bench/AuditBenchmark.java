package com.spurlab.inference.bench;

import com.spurlab.inference.audit.AssociationResult;
import com.spurlab.inference.audit.AssociationSettings;
import com.spurlab.inference.audit.AuditReport;
import com.spurlab.inference.audit.AuditRequest;
import com.spurlab.inference.audit.AuditSettings;
import com.spurlab.inference.audit.AuditTimings;
import com.spurlab.inference.audit.BiasAudit;
import com.spurlab.inference.audit.ConceptDesign;
import com.spurlab.inference.audit.ConceptSet;
import com.spurlab.inference.audit.ConceptSource;
import com.spurlab.inference.audit.EditedImage;
import com.spurlab.inference.audit.EmbeddingAssociationTest;
import com.spurlab.inference.audit.Finding;
import com.spurlab.inference.cueset.Backdrop;
import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times the AUDIT engine on 1 000 test images: embedding the split, the cue-contrast association test with 10 000
 * random partitions, the group gaps, scoring 1 000 edited images (the generator's counterfactual twins: each test
 * image with its background swapped, as EDIT's REPLACE_BACKGROUND would give) and ODmAP@10. A small ERM model is
 * trained first (not timed as audit). Then 10 000 permutations on 1 000 synthetic items alone.
 *
 * <p>Arguments: {@code test=500 train=300 size=64 epochs=2 runs=2} (test and train per class).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        int test = Integer.parseInt(a.getOrDefault("test", "500"));
        int train = Integer.parseInt(a.getOrDefault("train", "300"));
        int size = Integer.parseInt(a.getOrDefault("size", "64"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "2"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "2"));
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("spurlab-audit-");
        try {
            CueSetSpec spec = CueSetSpec.of(CueKind.BACKGROUND, List.of(1, 8)).withBackdrop(Backdrop.BRIGHT)
                    .withCounts(train, 40, test).withImageSize(size).withSeed(21L);
            long t0 = System.nanoTime();
            GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, work.resolve("set.zip"), spec);
            CueSetSplits splits = CueSetArchive.extract(set, work.resolve("set"));
            GeneratedCueSet twin = CueSetGenerator.writeCounterfactual(CueSetGenerator.DEFAULT_SOURCE,
                    work.resolve("twin.zip"), spec, "test");
            CueSetSplits twins = CueSetArchive.extract(twin, work.resolve("twin"));
            out.printf("data: %s, %d train / %d test images, %d px, %.1f s to generate%n", splits.classNames(),
                    splits.train().size(), splits.test().size(), size, seconds(t0));

            long t1 = System.nanoTime();
            Path model = new ClassifierTrainer().train(new TrainingSettings(TrainingMethod.ERM, splits.classNames(), size,
                    epochs, 64, 3e-3f, 5L, MethodOptions.defaults()), splits.train(), splits.validation(), work.resolve("model"),
                    TrainingProgress.NONE).modelDir();
            out.printf("setup: ERM %d epochs trained in %.1f s (not part of the audit)%n", epochs, seconds(t1));

            Map<String, CueSample> truth = splits.truthById();
            List<ConceptSource> samples = splits.test().stream()
                    .map(s -> new ConceptSource(s, truth.get(s.sampleId()).cueValue(), null, List.of())).toList();
            Map<String, Integer> trainCounts = new TreeMap<>();
            splits.train().forEach(s -> trainCounts.merge(s.group(), 1, Integer::sum));
            List<EditedImage> edits = twins.test().stream().map(s -> new EditedImage(s.sampleId(), s.imageFile(), null)).toList();
            BiasAudit audit = new BiasAudit(new ClassifierEvaluator(), null);
            for (int run = 1; run <= runs; run++) {
                long t2 = System.nanoTime();
                AuditReport report = audit.run(new AuditRequest("test", "attribute:background", model, splits.classNames(),
                        samples, trainCounts, edits, "REPLACE_BACKGROUND", work.resolve("audit-" + run),
                        AuditSettings.defaults(run)));
                double wall = seconds(t2);
                AuditTimings t = report.timings();
                out.printf("audit run %d: %.1f s wall for %d images + %d edits | embedding %d ms, association %d ms,"
                        + " gaps %d ms, edited images %d ms, ODmAP@%d %d ms%n", run, wall, report.n(), edits.size(), t.embedding(),
                        t.concepts() + t.association(), t.gaps(), t.edits(), report.odmap().k(), t.retrieval());
                if (run == 1) {
                    AssociationResult eat = report.eat().get(0);
                    out.printf("  EAT %s / %s: d %.2f [%.2f, %.2f], p %.5f, %d partitions%n", eat.target(), eat.attribute(),
                            eat.effectSize(), eat.effectSizeCiLow(), eat.effectSizeCiHigh(), eat.pValue(), eat.partitions());
                    out.printf("  gaps: accuracy %.3f, TPR %.3f, FPR %.3f; consistency %.3f; ODmAP@10 %.3f -> %.3f%n",
                            report.gaps().accuracy().value(), report.gaps().tpr().value(), report.gaps().fpr().value(),
                            report.counterfactualConsistency().overall().value(), report.odmap().original().value(),
                            report.odmap().edited().value());
                    for (Finding f : report.findings()) {
                        out.printf("  [%s] %s%n", f.severity(), f.text());
                    }
                }
            }
            permutationsAlone(out);
        } finally {
            deleteRecursively(work);
        }
    }

    /** 500 + 500 target items of 64 dimensions against 500 + 500 attribute items, 10 000 random partitions. */
    private static void permutationsAlone(PrintStream out) {
        Random random = new Random(1);
        ConceptSet[] sets = new ConceptSet[4];
        for (int s = 0; s < 4; s++) {
            float[][] e = new float[500][64];
            for (float[] v : e) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) Math.abs(random.nextGaussian() + (k == s ? 0.3 : 0));
                }
            }
            sets[s] = new ConceptSet("set" + s, e, "synthetic", false);
        }
        for (int r = 1; r <= 3; r++) {
            long t = System.nanoTime();
            AssociationResult result = EmbeddingAssociationTest.run(ConceptDesign.CUE_CONTRAST, sets[0], sets[1], sets[2], sets[3],
                    AssociationSettings.defaults(r));
            out.printf("association test alone (1 000 items, %d permutations, 1 000 bootstrap resamples), try %d: %.1f ms%n",
                    result.partitions(), r, (System.nanoTime() - t) / 1e6);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
