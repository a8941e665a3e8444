package com.spurlab.scheduler.step;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseTextTest {

    @Test
    void jttShowsTheEpochsThatWereChosenNotTheIdentificationEpochsAddedToThem() {
        JobProgress.PhaseText text = new JobProgress.PhaseText();

        text.start("identify", 2, 0);
        assertThat(text.epoch(2, 7)).isEqualTo("JTT identification model · epoch 2/2");
        text.start("main", 5, 2);
        assertThat(text.epoch(3, 7)).isEqualTo("epoch 1/5");
        assertThat(text.epoch(7, 7)).isEqualTo("epoch 5/5");
    }

    @Test
    void withoutAPhaseItCountsTheOverallEpochs() {
        assertThat(new JobProgress.PhaseText().epoch(3, 4)).isEqualTo("epoch 3/4");
    }
}
