package com.spurlab.inference.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSpecTest {

    @TempDir
    Path dir;

    @Test
    void standardIsSizedForAQuickBaseline() {
        DemoSpec standard = DemoSpec.standard();

        assertThat(standard.fashionClasses()).containsExactly(0, 3);
        assertThat(standard.trainCueCorrelation()).isEqualTo(0.95);
        assertThat(standard.imageSize()).isEqualTo(64);
        // Five epochs at ~600 images/s stay well under a minute.
        assertThat(5.0 * standard.trainPerClass() * standard.fashionClasses().size() / 600).isLessThan(60);
    }

    @Test
    void tinyHasEveryGroupInEverySplit() {
        DemoSpec tiny = DemoSpec.tiny();
        long minority = tiny.trainPerClass() - Math.round(tiny.trainPerClass() * tiny.trainCueCorrelation());

        assertThat(minority).isPositive();
        assertThat(tiny.valPerClass() / 2).isPositive();
        assertThat(tiny.testPerClass() / 2).isPositive();
    }

    @Test
    void rejectsSpecsFashionMnistCannotFill() {
        assertThatThrownBy(() -> new DemoSpec(List.of(0), 10, 10, 10, 0.9, 32, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new DemoSpec(List.of(0, 10), 10, 10, 10, 0.9, 32, 1)).hasMessageContaining("0..9");
        assertThatThrownBy(() -> new DemoSpec(List.of(0, 3), 5900, 200, 10, 0.9, 32, 1)).hasMessageContaining("6000");
        assertThatThrownBy(() -> new DemoSpec(List.of(0, 3), 10, 10, 1001, 0.9, 32, 1)).hasMessageContaining("1000");
        assertThatThrownBy(() -> new DemoSpec(List.of(0, 3), 10, 10, 10, 0.4, 32, 1))
                .hasMessageContaining("trainCueCorrelation");
    }

    @Test
    void missingSourceSaysWhichPackageToInstall() {
        assertThatThrownBy(() -> SpuriousFashionMnist.write(dir.resolve("nowhere"), dir.resolve("x.zip"), DemoSpec.tiny()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("dataset-fashion-mnist");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }
}
