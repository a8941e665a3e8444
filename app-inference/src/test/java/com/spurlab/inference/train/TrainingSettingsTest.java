package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    private static final List<String> CLASSES = List.of("t-shirt", "dress");

    private static TrainingSettings with(List<String> classes, int size, int epochs, int batch, float lr) {
        return new TrainingSettings(TrainingMethod.ERM, classes, size, epochs, batch, lr, 1L);
    }

    @Test
    void defaultsAreErm64PixelsFiveEpochsBatch64() {
        TrainingSettings defaults = TrainingSettings.defaults(CLASSES);

        assertThat(defaults).isEqualTo(new TrainingSettings(TrainingMethod.ERM, CLASSES, 64, 5, 64, 1e-3f, 42L));
    }

    @Test
    void needsAtLeastTwoDistinctClasses() {
        assertThatThrownBy(() -> with(List.of("coat"), 64, 5, 64, 1e-3f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classNames must list at least 2 classes, got 1");
        assertThatThrownBy(() -> with(null, 64, 5, 64, 1e-3f))
                .hasMessage("classNames must list at least 2 classes, got none");
        assertThatThrownBy(() -> with(List.of("coat", "coat"), 64, 5, 64, 1e-3f))
                .hasMessageContaining("classNames must be distinct");
    }

    @Test
    void boundsImageSizeEpochsAndBatchSize() {
        assertThatThrownBy(() -> with(CLASSES, 15, 5, 64, 1e-3f))
                .hasMessage("imageSize must be between 16 and 256 pixels, got 15");
        assertThatThrownBy(() -> with(CLASSES, 257, 5, 64, 1e-3f))
                .hasMessage("imageSize must be between 16 and 256 pixels, got 257");
        assertThatThrownBy(() -> with(CLASSES, 64, 0, 64, 1e-3f)).hasMessage("epochs must be between 1 and 500, got 0");
        assertThatThrownBy(() -> with(CLASSES, 64, 501, 64, 1e-3f)).hasMessage("epochs must be between 1 and 500, got 501");
        assertThatThrownBy(() -> with(CLASSES, 64, 5, 0, 1e-3f)).hasMessage("batchSize must be between 1 and 4096, got 0");
        assertThatThrownBy(() -> with(CLASSES, 64, 5, 4097, 1e-3f))
                .hasMessage("batchSize must be between 1 and 4096, got 4097");
    }

    @Test
    void learningRateMustBePositive() {
        assertThatThrownBy(() -> with(CLASSES, 64, 5, 64, 0f))
                .hasMessage("learningRate must be a positive number such as 0.001, got 0.0");
        assertThatThrownBy(() -> with(CLASSES, 64, 5, 64, Float.NaN)).hasMessageContaining("learningRate");
    }

    @Test
    void methodIsRequired() {
        assertThatThrownBy(() -> new TrainingSettings(null, CLASSES, 64, 5, 64, 1e-3f, 1L))
                .hasMessage("method is missing: choose one of [ERM, REWEIGHT, GROUP_DRO, JTT, DFR]");
    }

    @Test
    void acceptsTheBoundaries() {
        assertThat(with(CLASSES, 16, 1, 1, 1e-6f).imageSize()).isEqualTo(16);
        assertThat(with(CLASSES, 256, 500, 4096, 1f).batchSize()).isEqualTo(4096);
    }

    @Test
    void jttUpweightMustBeAWholeNumberNotSilentlyRounded() {
        MethodOptions d = MethodOptions.defaults();

        assertThatThrownBy(() -> new MethodOptions(d.network(), d.augmentation(), 0.01, 2, 2.5, d.selection(), 0, true))
                .hasMessage("jttUpweight must be a whole number between 1 and 1000 (each error is sampled that many"
                        + " times), got 2.5");
        assertThatThrownBy(() -> new MethodOptions(d.network(), d.augmentation(), 0.01, 2, 0, d.selection(), 0, true))
                .hasMessageContaining("got 0.0");
        assertThat(new MethodOptions(d.network(), d.augmentation(), 0.01, 2, 7, d.selection(), 0, true).jttTimes())
                .isEqualTo(7);
    }

    @Test
    void groupDroAndJttGetWeightDecayByDefaultWithinBounds() {
        MethodOptions d = MethodOptions.defaults();

        assertThat(d.weightDecay()).isEqualTo(MethodOptions.WEIGHT_DECAY).isPositive();
        assertThatThrownBy(() -> new MethodOptions(d.network(), d.augmentation(), 0.01, 2, 20, d.selection(), 0, true, -1e-3))
                .hasMessage("weightDecay must be between 0 and 1, got -0.001");
        assertThatThrownBy(() -> new MethodOptions(d.network(), d.augmentation(), 0.01, 2, 20, d.selection(), 0, true,
                Double.NaN)).hasMessageContaining("weightDecay");
    }
}
