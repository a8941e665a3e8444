package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
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

/**
 * The robust methods on a set built to need them: the colour-cast preset at 32 px with 300 training
 * images per class, where the cast follows the label in 90 % of them (val and test balanced, 60 and 100
 * per class). ERM leans on the cast; each robust method must beat ERM's worst-group accuracy on the test
 * split, which no method sees while training. Measured with seeds 5, 6, 7 (ERM 0.12 / 0.00 / 0.16):
 * REWEIGHT 0.48-0.68 (when it weighted the loss; it now samples group-balanced batches), GROUP_DRO 0.38-0.60, JTT 0.52-0.74, DFR 0.48-0.66. Also: the ResNet, in-process resume.
 */
class RobustTrainingTest {

    /** How far above ERM's test worst-group accuracy each robust method must land (the smallest measured: 0.22). */
    private static final double MARGIN = 0.15;
    private static final int EPOCHS = 6;

    @TempDir
    static Path dir;
    static CueSetSplits set;
    static EvaluationReport erm;

    @BeforeAll
    static void generateTheSetAndTrainErm() throws IOException {
        TinyDemo.requireFashionMnist();
        set = CueSetArchive.extract(CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("set.zip"),
                CueSetPreset.COLOUR_CAST.tiny().withCounts(300, 60, 100)), dir.resolve("set"));
        erm = test(train(TrainingMethod.ERM, MethodOptions.defaults(), "erm"));
    }

    private static TrainingSettings settings(TrainingMethod method, int epochs) {
        return new TrainingSettings(method, set.classNames(), 32, epochs, 16, 3e-3f, 5L, MethodOptions.defaults());
    }

    private static TrainingResult train(TrainingMethod method, MethodOptions options, String folder) {
        return new ClassifierTrainer().train(settings(method, EPOCHS).withOptions(options), set.train(), set.validation(),
                dir.resolve(folder), TrainingProgress.NONE);
    }

    private static EvaluationReport test(TrainingResult result) {
        return GroupMetrics.evaluate(new ClassifierEvaluator().predict(result.modelDir(), set.test()), 1);
    }

    @Test
    void reweightingAndGroupDroBeatErmsWorstGroupOnTest() {
        for (TrainingMethod method : List.of(TrainingMethod.REWEIGHT, TrainingMethod.GROUP_DRO)) {
            EvaluationReport robust = test(train(method, MethodOptions.defaults(), method.name()));
            assertThat(robust.worstGroupAccuracy()).as("%s against ERM's %s", method, erm.worstGroupAccuracy())
                    .isGreaterThan(erm.worstGroupAccuracy() + MARGIN);
        }
    }

    @Test
    void jttTrainsAfterItsIdentificationEpochsAndBeatsErmsWorstGroupOnTest() {
        AtomicInteger maxEpoch = new AtomicInteger();
        AtomicInteger totalEpochs = new AtomicInteger();
        List<String> phases = new java.util.ArrayList<>();
        TrainingResult jtt = new ClassifierTrainer().train(settings(TrainingMethod.JTT, EPOCHS), set.train(),
                set.validation(), dir.resolve("jtt"), new TrainingProgress() {
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

        int identification = MethodOptions.defaults().jttEpochs();
        assertThat(totalEpochs).hasValue(identification + EPOCHS);
        assertThat(maxEpoch).hasValue(identification + EPOCHS);
        // A person reads each phase's own epochs: the identification epochs, then the ones that were chosen.
        assertThat(phases).containsExactly("identify " + identification + " after 0",
                "main " + EPOCHS + " after " + identification);
        assertThat(jtt.history()).hasSize(identification + EPOCHS);
        assertThat(jtt.history().get(0).phase()).isEqualTo("identify");
        assertThat(jtt.history().get(0).validationAccuracy()).isNaN();
        assertThat(jtt.history().get(identification + EPOCHS - 1).phase()).isEqualTo("main");
        assertThat(jtt.history().get(identification + EPOCHS - 1).validationAccuracy()).isBetween(0.0, 1.0);
        assertThat(jtt.epochsCompleted()).isEqualTo(EPOCHS);
        // The identification epochs saw the plain set; the retraining epochs saw it plus the up-sampled errors.
        assertThat(jtt.imagesSeen()).isGreaterThan((long) (identification + EPOCHS) * set.train().size());
        assertThat(test(jtt).worstGroupAccuracy()).as("JTT against ERM's %s", erm.worstGroupAccuracy())
                .isGreaterThan(erm.worstGroupAccuracy() + MARGIN);
    }

    @Test
    void dfrScoredOnTestBeatsErmsWorstGroupAndSaysItWasFittedOnVal() {
        TrainingResult dfr = train(TrainingMethod.DFR, MethodOptions.defaults(), "dfr");

        assertThat(test(dfr).worstGroupAccuracy()).as("DFR against ERM's %s", erm.worstGroupAccuracy())
                .isGreaterThan(erm.worstGroupAccuracy() + MARGIN);
        assertThat(dfr.validationUsedForFitting()).isTrue();
    }

    @Test
    void dfrWithoutValidationDataIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.DFR, 1), set.train(), List.of(),
                dir.resolve("dfr-no-val"), TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation split, which is empty");
    }

    @Test
    void theResNetTrainsWithAugmentationAndIsLoadedByItsArchitecture() throws IOException {
        MethodOptions resnet = MethodOptions.defaults().withNetwork(ClassifierNetwork.RESNET);
        resnet = new MethodOptions(resnet.network(), Augmentation.parse("flip,crop=2,jitter=0.2"), resnet.groupDroEta(),
                resnet.jttEpochs(), resnet.jttUpweight(), resnet.selection(), resnet.patience(), resnet.cosineSchedule());
        TrainingResult r = new ClassifierTrainer().train(settings(TrainingMethod.ERM, 1).withOptions(resnet),
                set.train(), set.validation(), dir.resolve("resnet"), TrainingProgress.NONE);

        assertThat(ModelMetadata.read(r.modelDir()).architecture()).isEqualTo(SmallResNet.ARCHITECTURE);
        assertThat(new ClassifierEvaluator().predict(r.modelDir(), set.test())).hasSize(set.test().size());
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
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 3), set.train(),
                set.validation(), modelDir, stopInEpochThree)).isInstanceOf(TrainingCancelledException.class);

        AtomicInteger first = new AtomicInteger();
        TrainingResult resumed = new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 3), set.train(),
                set.validation(), modelDir, (epoch, epochs, step, steps, loss, accuracy) -> first.compareAndSet(0, epoch));
        assertThat(first).hasValue(3);
        assertThat(resumed.resumedFromEpoch()).isEqualTo(2);
        assertThat(resumed.imagesSeen()).isEqualTo(set.train().size());
        assertThat(resumed.epochsCompleted()).isEqualTo(3);

        Path other = dir.resolve("other");
        assertThatThrownBy(() -> new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 2), set.train(),
                set.validation(), other, new TrainingProgress() {
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
        TrainingResult fresh = new ClassifierTrainer().train(settings(TrainingMethod.GROUP_DRO, 2).withSeed(6), set.train(),
                set.validation(), other, TrainingProgress.NONE);
        assertThat(fresh.resumedFromEpoch()).isZero();
        assertThat(fresh.imagesSeen()).isEqualTo(2L * set.train().size());
    }
}
