package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {

    @TempDir
    static Path dir;
    static DemoSplits tiny;

    @BeforeAll
    static void unpackTinyDemo() throws IOException {
        tiny = TinyDemo.unpacked(dir);
    }

    private static TrainingSettings settings(int epochs) {
        return new TrainingSettings(TrainingMethod.ERM, tiny.classNames(), 32, epochs, 32, 3e-3f, 11L);
    }

    @Test
    void trainsASavedModelThatTheEvaluatorLoadsAndThatBeatsChance() throws IOException {
        List<int[]> calls = new ArrayList<>();
        List<double[]> reported = new ArrayList<>();
        TrainingProgress progress = (epoch, epochs, step, steps, loss, accuracy) -> {
            calls.add(new int[] {epoch, epochs, step, steps});
            reported.add(new double[] {loss, accuracy});
        };
        Path modelDir = dir.resolve("model");

        TrainingResult result = new ClassifierTrainer().train(settings(2), tiny.train(), tiny.validation(), modelDir, progress);

        assertThat(result.modelDir()).isEqualTo(modelDir);
        assertThat(result.epochsCompleted()).isEqualTo(2);
        assertThat(result.imagesSeen()).isEqualTo(2L * tiny.train().size());
        assertThat(result.imagesPerSecond()).isPositive();
        assertThat(result.device()).isNotBlank();
        // 200 images in batches of 32: 7 steps per epoch, reported after each one.
        assertThat(calls).hasSize(14);
        assertThat(calls.get(13)).containsExactly(2, 2, 7, 7);
        // It learns: the last batch's loss is well below the first's, and the epoch's running accuracy
        // ends above 0.75 (90 % of the images carry their class's background).
        assertThat(reported.get(13)[0]).isLessThan(0.75 * reported.get(0)[0]);
        assertThat(reported.get(13)[1]).isGreaterThan(0.75);
        assertThat(result.finalLoss()).isLessThan(reported.get(0)[0]);
        // The reported validation accuracy is the saved model's accuracy on val.
        List<Prediction> val = new ClassifierEvaluator().predict(modelDir, tiny.validation());
        assertThat(result.validationAccuracy()).isCloseTo(val.stream().filter(Prediction::correct).count()
                / (double) val.size(), org.assertj.core.data.Offset.offset(1e-9));
        // One record per epoch for the learning curves; selection on val scores every epoch.
        assertThat(result.history()).extracting(EpochRecord::phase, EpochRecord::epoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("main", 1), org.assertj.core.groups.Tuple.tuple("main", 2));
        assertThat(result.history().get(1).trainLoss()).isEqualTo(result.finalLoss());
        assertThat(result.history()).allSatisfy(r -> {
            assertThat(r.trainAccuracy()).isBetween(0.0, 1.0);
            assertThat(r.validationWorstGroupAccuracy()).isBetween(0.0, r.validationAccuracy());
        });

        ModelMetadata metadata = ModelMetadata.read(modelDir);
        assertThat(metadata.classNames()).containsExactly("t-shirt", "dress");
        assertThat(metadata.imageSize()).isEqualTo(32);
        try (Stream<Path> files = Files.list(modelDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".params"));
        }

        List<Prediction> predictions = new ClassifierEvaluator().predict(modelDir, tiny.train());
        assertThat(predictions).hasSize(tiny.train().size());
        assertThat(predictions).extracting(Prediction::sampleId)
                .containsExactlyElementsOf(tiny.train().stream().map(LabeledImage::sampleId).toList());
        // Confidence means something: right answers are given with more of it than wrong ones.
        assertThat(predictions.stream().filter(Prediction::correct).mapToDouble(Prediction::confidence).average()
                .orElseThrow()).isGreaterThan(predictions.stream().filter(p -> !p.correct())
                .mapToDouble(Prediction::confidence).average().orElseThrow());
        double trainAccuracy = predictions.stream().filter(Prediction::correct).count() / (double) predictions.size();
        // 90 % of the training images carry their class's background; two epochs learn at least that cue.
        assertThat(trainAccuracy).isGreaterThan(0.75);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        TrainingResult first = new ClassifierTrainer().train(settings(1), tiny.train(), tiny.validation(),
                dir.resolve("seeded-1"), TrainingProgress.NONE);
        TrainingResult second = new ClassifierTrainer().train(settings(1), tiny.train(), tiny.validation(),
                dir.resolve("seeded-2"), TrainingProgress.NONE);

        assertThat(second.finalLoss()).isEqualTo(first.finalLoss());
        assertThat(second.validationAccuracy()).isEqualTo(first.validationAccuracy());
    }

    @Test
    void cancellationStopsBeforeTheNextBatchAndSavesNothing() {
        AtomicInteger steps = new AtomicInteger();
        TrainingProgress cancelAfterThree = new TrainingProgress() {
            @Override
            public void onProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double accuracy) {
                steps.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return steps.get() >= 3;
            }
        };
        Path modelDir = dir.resolve("cancelled");

        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(5), tiny.train(), List.of(), modelDir, cancelAfterThree))
                .isInstanceOf(TrainingCancelledException.class)
                .hasMessageContaining("epoch 1, step 4");
        assertThat(steps).hasValue(3);
        assertThat(modelDir).doesNotExist();
    }

    @Test
    void rejectsLabelsOutsideTheClassNames() {
        LabeledImage stray = new LabeledImage("stray", tiny.train().get(0).imageFile(), 2, null);

        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(1), List.of(stray), List.of(), dir.resolve("x"),
                TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample stray has label 2");
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(1), List.of(), List.of(), dir.resolve("x"),
                TrainingProgress.NONE))
                .hasMessageContaining("training set is empty");
    }

    @Test
    void twoTrainingsStartedTogetherBothFinishOneAfterTheOther() throws Exception {
        // Regression: two TRAIN jobs on two worker threads once failed with "A PtGradientCollector is
        // already collecting". The first run holds its first batch until the second has said it waits.
        var firstRuns = new java.util.concurrent.CountDownLatch(1);
        var secondWaits = new java.util.concurrent.CountDownLatch(1);
        List<String> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingProgress first = (e, es, s, ss, l, a) -> {
            firstRuns.countDown();
            try {
                secondWaits.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
        TrainingProgress second = new TrainingProgress() {
            @Override
            public void onProgress(int e, int es, int s, int ss, double l, double a) {
            }

            @Override
            public void onWaiting(String reason) {
                waits.add(reason);
                secondWaits.countDown();
            }
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> new ClassifierTrainer().train(settings(2), tiny.train(), tiny.validation(),
                    dir.resolve("together-a"), first));
            assertThat(firstRuns.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var b = pool.submit(() -> new ClassifierTrainer().train(settings(1), tiny.train(), tiny.validation(),
                    dir.resolve("together-b"), second));
            assertThat(a.get().epochsCompleted()).isEqualTo(2);
            assertThat(b.get().epochsCompleted()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w).contains("waiting for the training"));
    }
}
