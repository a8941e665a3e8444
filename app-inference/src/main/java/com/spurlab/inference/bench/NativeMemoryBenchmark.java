package com.spurlab.inference.bench;

import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A long run that shows native memory stays bounded: trains the CNN on the standard demo set for many
 * epochs (GROUP_DRO, the method with the most per-batch arrays) and predicts the test split after it,
 * sampling the process's resident set size (VmRSS) at the end of every epoch. Prints the series and
 * the growth between the second epoch (after warm-up allocations) and the last, then repeats test-split
 * predictions (model loaded each time, as evaluation jobs do); an NDArray leaked per batch would show
 * as tens of MB per epoch or per prediction.
 *
 * <p>Run: {@code bench/memory.sh [epochs]} (default 20).
 */
public final class NativeMemoryBenchmark {

    private NativeMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("spurlab-memory-");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, work.resolve("demo.zip"), DemoSpec.standard());
        DemoSplits splits = DemoArchive.extract(work.resolve("demo.zip"), work.resolve("data"));
        List<Long> rss = new ArrayList<>();
        TrainingProgress sampler = (epoch, all, step, steps, loss, accuracy) -> {
            if (step == steps) {
                rss.add(residentKb());
                out.printf("epoch %3d/%d  RSS %7.1f MB  loss %.4f%n", epoch, all, rss.get(rss.size() - 1) / 1024.0, loss);
            }
        };
        TrainingSettings settings = new TrainingSettings(TrainingMethod.GROUP_DRO, splits.classNames(), 64, epochs, 64,
                1e-3f, 42L);
        new ClassifierTrainer().train(settings, splits.train(), splits.validation(), work.resolve("model"), sampler);
        int rounds = 15;
        List<Long> predictRss = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            new ClassifierEvaluator().predict(work.resolve("model"), splits.test());
            predictRss.add(residentKb());
            out.printf("prediction %2d  RSS %7.1f MB  JVM heap committed %6.1f MB%n", i, predictRss.get(i - 1) / 1024.0,
                    Runtime.getRuntime().totalMemory() / 1048576.0);
        }
        double growth = (rss.get(rss.size() - 1) - rss.get(Math.min(1, rss.size() - 1))) / 1024.0;
        out.printf("RSS growth from epoch 2 to epoch %d: %.1f MB (%.2f MB per epoch)%n", rss.size(), growth,
                growth / Math.max(1, rss.size() - 2));
        out.printf("RSS across predictions 5 to %d of %d test images each: %.1f MB -> %.1f MB%n", rounds,
                splits.test().size(), predictRss.get(4) / 1024.0, predictRss.get(rounds - 1) / 1024.0);
    }

    private static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status (Linux only)", e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
