package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossWeightingTest {

    /** Samples 0-5 in group 0 (majority), 6-7 in group 1 (minority). */
    private static final GroupIndex GROUPS = new GroupIndex(List.of("a|warm", "a|cool"), new int[] {0, 0, 0, 0, 0, 0, 1, 1},
            new int[] {6, 2});

    @Test
    void meanWeighsEverySampleAlike() {
        assertThat(LossWeighting.mean().weights(new int[] {0, 6, 7, 1}, new float[4])).containsOnly(0.25f);
    }

    @Test
    void reweightingDrawsEveryGroupEquallyOftenFromItsOwnSamples() {
        int[] draw = GROUPS.balancedDraw(20_000, new java.util.Random(3));
        int minority = 0;
        for (int i : draw) {
            assertThat(i).isBetween(0, 7);
            minority += GROUPS.groupOf()[i];
        }
        // 2 of 8 samples, drawn half the time; the same seed draws the same indices.
        assertThat(minority / 20_000.0).isCloseTo(0.5, within(0.02));
        assertThat(GROUPS.balancedDraw(50, new java.util.Random(3))).containsExactly(
                java.util.Arrays.copyOf(draw, 50));
    }

    @Test
    void groupDroShiftsWeightToTheGroupWithTheHigherLossAndCheckpointsIt() {
        LossWeighting dro = LossWeighting.groupDro(GROUPS, 1.0);
        int[] batch = {0, 1, 6, 7};
        float[] losses = {0.1f, 0.1f, 2f, 2f};
        float[] w = dro.weights(batch, losses);
        // q = softmax(eta * group loss) after one step from uniform: exp(0.1) vs exp(2).
        double q1 = Math.exp(2) / (Math.exp(0.1) + Math.exp(2));
        assertThat(w[2] + w[3]).isCloseTo((float) q1, within(1e-5f));
        assertThat(w[0] + w[1]).isCloseTo((float) (1 - q1), within(1e-5f));
        for (int i = 0; i < 5; i++) {
            dro.weights(batch, losses);
        }
        assertThat(dro.state()[1]).isGreaterThan(0.99);

        LossWeighting restored = LossWeighting.groupDro(GROUPS, 1.0);
        restored.restore(dro.state());
        assertThat(restored.state()).containsExactly(dro.state());
        assertThat(restored.weights(batch, losses)).containsExactly(dro.weights(batch, losses));
    }

    @Test
    void groupDroLeavesGroupsAbsentFromTheBatchAlone() {
        LossWeighting dro = LossWeighting.groupDro(GROUPS, 1.0);
        float[] w = dro.weights(new int[] {0, 1}, new float[] {3f, 3f});
        assertThat(dro.state()[0]).isGreaterThan(0.5);
        assertThat(w).containsOnly((float) (dro.state()[0] / 2));
    }

    @Test
    void jttUpsamplesEveryErrorLambdaTimesInAll() {
        int[] plan = ClassifierTrainer.upsample(new int[] {0, 1, 2, 3}, new int[] {1, 3}, 5);
        assertThat(plan).hasSize(4 + 2 * 4);
        assertThat(java.util.Arrays.stream(plan).filter(i -> i == 3).count()).isEqualTo(5);
        assertThat(java.util.Arrays.stream(plan).filter(i -> i == 0).count()).isEqualTo(1);
    }
}
