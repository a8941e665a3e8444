package com.spurlab.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.spurlab.core.run.EvaluationRecorded;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.SplitEvaluation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiBoardTest {

    private static final double TARGET = 0.85;
    private long runs = 100;

    /** A test-split evaluation with two groups: the worst one of {@code worstN} samples at {@code wga}. */
    private static SplitEvaluation test(double wga, int worstN, double ciLow, double ciHigh, String groupBy) {
        int worstCorrect = (int) Math.round(wga * worstN);
        List<GroupResult> groups = List.of(new GroupResult("dress|warm", worstN, worstCorrect, (double) worstCorrect / worstN,
                worstN < 20), new GroupResult("dress|cool", 200, 198, 0.99, false));
        int n = worstN + 200;
        double accuracy = (worstCorrect + 198.0) / n;
        return new SplitEvaluation("test", n, accuracy, (double) worstCorrect / worstN, "dress|warm", ciLow, ciHigh,
                ((double) worstCorrect / worstN + 0.99) / 2, accuracy - (double) worstCorrect / worstN, groupBy, groups);
    }

    private KpiSnapshot snapshot(long experiment, String method, long version, long root, String groupBy, SplitEvaluation e,
            Double validationWga) {
        long run = runs++;
        return SnapshotRecorder.snapshot(new KpiSnapshot.Origin(1, experiment, run, run - 50, version, root, groupBy,
                        e.split(), method, Instant.ofEpochSecond(run)), e,
                new KpiSnapshot.Selection(validationWga, validationWga == null ? null : "EVALUATION", false));
    }

    private KpiSnapshot snapshot(long experiment, String method, double testWga, Double validationWga) {
        return snapshot(experiment, method, 1, 1, "background", test(testWga, 100, testWga - 0.05, testWga + 0.05,
                "background"), validationWga);
    }

    @Test
    void bestIsTheModelWithTheHighestValidationWorstGroupAccuracyNeverTheHighestTestFigure() {
        KpiSnapshot erm = snapshot(1, "ERM", 0.30, 0.35);
        KpiSnapshot luckyOnTest = snapshot(2, "JTT", 0.95, 0.60);
        KpiSnapshot bestOnValidation = snapshot(3, "REWEIGHT", 0.80, 0.70);
        KpiSnapshot noValidationFigure = snapshot(4, "GROUP_DRO", 0.99, null);

        KpiBoard board = KpiBoard.of(List.of(erm, luckyOnTest, bestOnValidation, noValidationFigure), null);

        assertThat(board.best()).isSameAs(bestOnValidation);
        KpiStatus wga = board.status(KpiMetric.WORST_GROUP_ACCURACY, TARGET);
        assertThat(wga.best()).isEqualTo(0.80);
        assertThat(wga.statusOf()).isEqualTo("best");
        assertThat(wga.latest()).isEqualTo(0.99);
        assertThat(wga.baseline()).isEqualTo(0.30);
    }

    @Test
    void theLatestEvaluationOfEachExperimentCompetesNotAnEarlierOneWithAHigherValidationFigure() {
        KpiSnapshot first = snapshot(1, "ERM", 0.30, 0.90);
        KpiSnapshot reEvaluated = snapshot(1, "ERM", 0.31, 0.40);
        KpiSnapshot other = snapshot(2, "DFR", 0.70, 0.60);

        assertThat(KpiBoard.of(List.of(first, reEvaluated, other), null).best()).isSameAs(other);
    }

    @Test
    void aMetLookingKpiWhoseWorstGroupHasFiveImagesIsUncertain() {
        // 5 of 5 right and even a narrow interval above the target: still too few images to trust.
        KpiSnapshot tiny = snapshot(1, "ERM", 1, 1, "background", test(1.0, 5, 0.90, 1.0, "background"), 0.9);

        KpiStatus status = KpiBoard.of(List.of(tiny), null).status(KpiMetric.WORST_GROUP_ACCURACY, TARGET);

        assertThat(status.best()).isEqualTo(1.0);
        assertThat(status.status()).isEqualTo(TargetStatus.UNCERTAIN);
        assertThat(status.met()).isFalse();
        assertThat(status.bestPoint().tooSmall()).isTrue();
        assertThat(status.bestPoint().worstGroupN()).isEqualTo(5);
        // The accuracy rests on 205 images: that one is judged by its interval alone.
        assertThat(KpiMetric.ACCURACY.restsOnTooSmallGroup(tiny)).isFalse();
    }

    @Test
    void anIntervalThatStraddlesTheTargetIsUncertainOneAboveIsMetOneBelowIsNotMet() {
        KpiSnapshot straddles = snapshot(1, "ERM", 1, 1, "background", test(0.88, 100, 0.80, 0.94, "background"), 0.9);
        KpiSnapshot above = snapshot(2, "ERM", 1, 1, "background", test(0.93, 100, 0.87, 0.97, "background"), 0.9);
        KpiSnapshot below = snapshot(3, "ERM", 1, 1, "background", test(0.70, 100, 0.60, 0.80, "background"), 0.9);

        assertThat(KpiMetric.WORST_GROUP_ACCURACY.judge(straddles, TARGET)).isEqualTo(TargetStatus.UNCERTAIN);
        assertThat(KpiMetric.WORST_GROUP_ACCURACY.judge(above, TARGET)).isEqualTo(TargetStatus.MET);
        assertThat(KpiMetric.WORST_GROUP_ACCURACY.judge(below, TARGET)).isEqualTo(TargetStatus.NOT_MET);
        // Lower is better for the gap: met only when the whole interval is at most the target.
        assertThat(KpiMetric.ACCURACY_GAP.judge(above, 0.2)).isEqualTo(TargetStatus.MET);
        assertThat(KpiMetric.ACCURACY_GAP.judge(below, 0.05)).isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void onlySnapshotsOfTheBaselinesLineageGroupByAndSplitAreCompared() {
        KpiSnapshot baseline = snapshot(1, "ERM", 1, 1, "background", test(0.2, 100, 0.1, 0.3, "background"), 0.2);
        KpiSnapshot otherGroupBy = snapshot(2, "REWEIGHT", 1, 1, "background,texture",
                test(0.9, 100, 0.85, 0.95, "background,texture"), 0.99);
        KpiSnapshot otherDataset = snapshot(3, "REWEIGHT", 7, 7, "background", test(0.9, 100, 0.85, 0.95, "background"),
                0.98);
        KpiSnapshot derived = snapshot(4, "DFR", 9, 1, "background", test(0.7, 100, 0.6, 0.8, "background"), 0.6);

        KpiStatus status = KpiBoard.of(List.of(baseline, otherGroupBy, otherDataset, derived), null)
                .status(KpiMetric.WORST_GROUP_ACCURACY, TARGET);

        assertThat(status.comparedOn()).isEqualTo(new SnapshotScope(1, "background", "test"));
        assertThat(status.history()).extracting(KpiPoint::evaluationRunId)
                .containsExactly(baseline.getEvaluationRunId(), derived.getEvaluationRunId());
        assertThat(status.best()).isEqualTo(0.7);
        assertThat(status.latest()).isEqualTo(0.7);
    }

    @Test
    void theDefaultBaselineIsTheFirstErmEvaluationOnARootVersionAndANamedOneOverridesIt() {
        KpiSnapshot dfr = snapshot(1, "DFR", 1, 1, "background", test(0.6, 100, 0.5, 0.7, "background"), 0.6);
        KpiSnapshot ermOnDerived = snapshot(2, "ERM", 5, 1, "background", test(0.3, 100, 0.2, 0.4, "background"), 0.3);
        KpiSnapshot erm = snapshot(3, "ERM", 1, 1, "background", test(0.1, 100, 0.05, 0.2, "background"), 0.1);
        KpiSnapshot laterErm = snapshot(4, "ERM", 1, 1, "background", test(0.15, 100, 0.1, 0.2, "background"), 0.1);
        List<KpiSnapshot> all = List.of(dfr, ermOnDerived, erm, laterErm);

        assertThat(KpiBoard.of(all, null).baselineSnapshot()).isSameAs(erm);
        assertThat(KpiBoard.of(all, dfr.getEvaluationRunId()).baselineSnapshot()).isSameAs(dfr);
        assertThat(KpiBoard.of(List.of(dfr), null).status(KpiMetric.WORST_GROUP_ACCURACY, TARGET).baseline()).isNull();
    }

    @Test
    void withoutAnyEvaluationTheKpiIsNotMetAndHasNoFigures() {
        KpiStatus status = KpiBoard.of(List.of(), null).status(KpiMetric.WORST_GROUP_ACCURACY, TARGET);

        assertThat(status.status()).isEqualTo(TargetStatus.NOT_MET);
        assertThat(status.latest()).isNull();
        assertThat(status.best()).isNull();
        assertThat(status.history()).isEmpty();
    }

    @Test
    void theModelIsRankedByItsOwnValSplitUnlessItWasFittedOnItThenByWhatTrainingHeldOut() {
        SplitEvaluation val = new SplitEvaluation("val", 100, 0.9, 0.8, "a", 0.7, 0.9, 0.85, 0.1, "bg",
                List.of(new GroupResult("a", 50, 40, 0.8, false), new GroupResult("b", 50, 50, 1.0, false)));
        SplitEvaluation testSplit = test(0.5, 100, 0.4, 0.6, "bg");
        String dfrTraining = "{\"validationWorstGroupAccuracy\":0.55,\"validationUsedForFitting\":true}";
        EvaluationRecorded erm = new EvaluationRecorded(9, 1, 1, 1, 8, "ERM",
                "{\"validationWorstGroupAccuracy\":0.75,\"validationUsedForFitting\":false}", List.of(val, testSplit),
                Instant.EPOCH);
        EvaluationRecorded dfr = new EvaluationRecorded(9, 1, 1, 1, 8, "DFR", dfrTraining, List.of(val, testSplit),
                Instant.EPOCH);
        // Details written before issue 10 held NaN, which is not JSON.
        EvaluationRecorded old = new EvaluationRecorded(9, 1, 1, 1, 8, "ERM", "{\"validationAccuracy\":NaN}",
                List.of(testSplit), Instant.EPOCH);

        assertThat(SnapshotRecorder.selection(erm, SnapshotRecorder.TrainingFigures.of(erm.trainingDetails())))
                .isEqualTo(new KpiSnapshot.Selection(0.8, "EVALUATION", false));
        assertThat(SnapshotRecorder.selection(dfr, SnapshotRecorder.TrainingFigures.of(dfrTraining)))
                .isEqualTo(new KpiSnapshot.Selection(0.55, "TRAINING", false));
        assertThat(SnapshotRecorder.selection(old, SnapshotRecorder.TrainingFigures.of(old.trainingDetails())))
                .isEqualTo(new KpiSnapshot.Selection(null, null, false));
    }

    @Test
    void intervalsOfAccuracyAverageGroupAccuracyAndGap() {
        // Wilson, 8 of 10: 0.490 .. 0.943 (textbook value).
        Figure wilson = Intervals.wilson(8, 10);
        assertThat(wilson.low()).isCloseTo(0.490, within(5e-4));
        assertThat(wilson.high()).isCloseTo(0.943, within(5e-4));
        assertThat(Intervals.wilson(10, 10).low()).isLessThan(1).isGreaterThan(0.65);

        KpiSnapshot s = snapshot(1, "ERM", 1, 1, "bg", test(0.9, 100, 0.83, 0.95, "bg"), 0.9);
        assertThat(s.averageGroupAccuracy().low()).isLessThan(s.averageGroupAccuracy().value());
        assertThat(s.averageGroupAccuracy().high()).isGreaterThan(s.averageGroupAccuracy().value());
        assertThat(s.gap().low()).isCloseTo(Math.max(0, s.accuracy().low() - 0.95), within(1e-12));
        assertThat(s.gap().high()).isCloseTo(s.accuracy().high() - 0.83, within(1e-12));
        List<KpiSnapshot> none = new ArrayList<>();
        assertThat(KpiBoard.bestByValidation(none)).isNull();
    }
}
