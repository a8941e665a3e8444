package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.ModelMetadata;
import com.spurlab.inference.model.SmallResNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robust methods, the ResNet and in-process resume on the tiny demo set (32 px, 200 training images). */
class RobustTrainingTest {

    @TempDir
    static Path dir;
    static DemoSplits tiny;

    @BeforeAll
    static void unpackTinyDemo() throws IOException {
        tiny = TinyDemo.unpacked(dir);
    }

    private static TrainingSettings settings(TrainingMethod method, int epochs) {
        return new TrainingSettings(method, tiny.classNames(), 32, epochs, 32, 3e-3f, 5L, MethodOptions.defaults());
    }

    @Test
    void dfrRefitsTheHeadOnBalancedValidationDataAndRaisesItsWorstGroup() {
        TrainingResult erm = new ClassifierTrainer().train(settings(TrainingMethod.ERM, 2).withOptions(
                MethodOptions.legacy()), tiny.train(), tiny.validation(), dir.resolve("erm"), TrainingProgress.NONE);
        TrainingResult dfr = new ClassifierTrainer().train(settings(TrainingMethod.DFR, 2).withOptions(
                MethodOptions.legacy()), tiny.train(), tiny.validation(), dir.resolve("dfr"), TrainingProgress.NONE);

        // Same seed, same base: only the head differs, fitted on the validation groups it is scored on.
        assertThat(dfr.validationWorstGroupAccuracy()).isGreaterThan(erm.validationWorstGroupAccuracy());
        assertThat(new ClassifierEvaluator().predict(dfr.modelDir(), tiny.test())).hasSize(tiny.test().size());
    }

    @Test
    void dfrWithoutValidationDataIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.DFR, 1), tiny.train(), List.of(),
                dir.resolve("dfr-no-val"), TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation split, which is empty");
    }

    @Test
    void jttRunsItsIdentificationEpochsFirstThenTrainsOnTheUpsampledSet() {
        AtomicInteger maxEpoch = new AtomicInteger();
        AtomicInteger totalEpochs = new AtomicInteger();
        MethodOptions d = MethodOptions.defaults();
        MethodOptions lambda5 = new MethodOptions(d.network(), d.augmentation(), d.groupDroEta(), 1, 5, d.selection(),
                d.patience(), d.cosineSchedule());
        List<String> phases = new java.util.ArrayList<>();
        TrainingResult jtt = new ClassifierTrainer().train(settings(TrainingMethod.JTT, 2).withOptions(lambda5), tiny.train(),
                tiny.validation(),
                dir.resolve("jtt"), new TrainingProgress() {
                    @Override
                    public void onPhase(String phase, int epochs, int epochOffset) {
                        phases.add(phase + " " + epochs + " after " + epochOffset);
                    }

                    @Override
                    public void onProgress(int epoch, int epochs, int step, int steps, double loss, double accuracy) {
                        maxEpoch.accumulateAndGet(epoch, Math::max);
                        totalEpochs.set(epochs);
                    }
                });

        assertThat(totalEpochs).hasValue(3);
        assertThat(maxEpoch).hasValue(3);
        // A person reads each phase's own epochs: 1 identification epoch, then the 2 that were chosen.
        assertThat(phases).containsExactly("identify 1 after 0", "main 2 after 1");
        assertThat(jtt.history()).extracting(EpochRecord::phase).containsExactly("identify", "main", "main");
        assertThat(jtt.history().get(0).validationAccuracy()).isNaN();
        assertThat(jtt.history().get(2).validationAccuracy()).isBetween(0.0, 1.0);
        assertThat(jtt.epochsCompleted()).isEqualTo(2);
        // The identification epoch saw the plain set; the two retraining epochs saw it plus the up-sampled errors.
        assertThat(jtt.imagesSeen()).isGreaterThan(3L * tiny.train().size());
        assertThat(jtt.selectedEpoch()).isBetween(1, 2);
    }

    @Test
    void groupDroAndReweightTrainAModelTheEvaluatorLoads() {
        for (TrainingMethod method : List.of(TrainingMethod.GROUP_DRO, TrainingMethod.REWEIGHT)) {
            TrainingResult r = new ClassifierTrainer().train(settings(method, 1), tiny.train(), tiny.validation(),
                    dir.resolve(method.name()), TrainingProgress.NONE);
            assertThat(r.finalLoss()).isFinite().isPositive();
            assertThat(r.validationWorstGroupAccuracy()).isBetween(0.0, 1.0);
            assertThat(new ClassifierEvaluator().predict(r.modelDir(), tiny.validation())).hasSize(tiny.validation().size());
        }
    }

    @Test
    void theResNetTrainsWithAugmentationAndIsLoadedByItsArchitecture() throws IOException {
        MethodOptions resnet = MethodOptions.defaults().withNetwork(ClassifierNetwork.RESNET);
        resnet = new MethodOptions(resnet.network(), Augmentation.parse("flip,crop=2,jitter=0.2"), resnet.groupDroEta(),
                resnet.jttEpochs(), resnet.jttUpweight(), resnet.selection(), resnet.patience(), resnet.cosineSchedule());
        TrainingResult r = new ClassifierTrainer().train(settings(TrainingMethod.ERM, 1).withOptions(resnet),
                tiny.train(), tiny.validation(), dir.resolve("resnet"), TrainingProgress.NONE);

        assertThat(ModelMetadata.read(r.modelDir()).architecture()).isEqualTo(SmallResNet.ARCHITECTURE);
        assertThat(new ClassifierEvaluator().predict(r.modelDir(), tiny.test())).hasSize(tiny.test().size());
    }

    @Test
    void aCancelledRunResumesAfterItsLastCompleteEpochAndOtherSettingsStartOver() {
        Path modelDir = dir.resolve("resumed");
        AtomicInteger seen = new AtomicInteger();
        TrainingProgress stopInEpochThree = new TrainingProgress() {
            @Override
            public void onProgress(int epoch, int epochs, int step, int steps, double loss, double accuracy) {
                if (epoch == 3) {
                    seen.incrementAndGet();
                }
            }

            @Override
            public boolean cancelled() {
                return seen.get() > 0;
            }
        };
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 3), tiny.train(),
                tiny.validation(), modelDir, stopInEpochThree)).isInstanceOf(TrainingCancelledException.class);

        AtomicInteger first = new AtomicInteger();
        TrainingResult resumed = new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 3), tiny.train(),
                tiny.validation(), modelDir, (epoch, epochs, step, steps, loss, accuracy) -> first.compareAndSet(0, epoch));
        assertThat(first).hasValue(3);
        assertThat(resumed.resumedFromEpoch()).isEqualTo(2);
        assertThat(resumed.imagesSeen()).isEqualTo(tiny.train().size());
        assertThat(resumed.epochsCompleted()).isEqualTo(3);

        Path other = dir.resolve("other");
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 2), tiny.train(),
                tiny.validation(), other, new TrainingProgress() {
                    private int calls;

                    @Override
                    public void onProgress(int epoch, int epochs, int step, int steps, double loss, double accuracy) {
                        calls = epoch;
                    }

                    @Override
                    public boolean cancelled() {
                        return calls >= 2;
                    }
                })).isInstanceOf(TrainingCancelledException.class);
        assertThat(other.resolve("checkpoints").resolve("latest")).exists();
        TrainingResult fresh = new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 2).withSeed(6), tiny.train(),
                tiny.validation(), other, TrainingProgress.NONE);
        assertThat(fresh.resumedFromEpoch()).isZero();
        assertThat(fresh.imagesSeen()).isEqualTo(2L * tiny.train().size());
    }
}
