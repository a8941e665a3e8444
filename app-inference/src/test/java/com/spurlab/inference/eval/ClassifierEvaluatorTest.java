package com.spurlab.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierEvaluatorTest {

    @TempDir
    Path dir;

    @Test
    void folderWithoutModelIsReportedAsSuch() {
        assertThatThrownBy(() -> new ClassifierEvaluator().predict(dir, List.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no SpurLab model in");
    }

    @Test
    void unknownArchitectureIsRefused() throws IOException {
        new ModelMetadata("m", "resnet-999", List.of("a", "b"), 32, "ERM").write(dir);

        assertThatThrownBy(() -> new ClassifierEvaluator().predict(dir, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet-999");
    }

    @Test
    void metadataRoundTripsAnyClassName() throws IOException {
        ModelMetadata written = new ModelMetadata("m", "arch", List.of("t-shirt, top", "dress=long", "ünïcode"), 48, "ERM");
        written.write(dir);

        assertThat(ModelMetadata.read(dir)).isEqualTo(written);
    }
}
