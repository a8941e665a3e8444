package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.model.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL mid-run resumes from its last checkpoint: the child JVM
 * trains until its first checkpoint is on disk, is killed, and a new run with the same settings,
 * data and folder starts at the epoch after that checkpoint, not at epoch 1.
 */
class TrainingResumeIT {

    static final int EPOCHS = 8;

    @TempDir
    Path dir;

    static TrainingSettings settings(DemoSplits splits) {
        return new TrainingSettings(TrainingMethod.GROUP_DRO, splits.classNames(), 32, EPOCHS, 32, 3e-3f, 11L,
                MethodOptions.defaults());
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpoint() throws Exception {
        DemoSplits splits = TinyDemo.unpacked(dir);
        Path modelDir = dir.resolve("model");
        Path latest = modelDir.resolve("checkpoints").resolve("latest");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g"));
        for (String key : List.of("ai.djl.offline", "ENGINE_CACHE_DIR")) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(List.of(TrainingChildProcess.class.getName(), dir.resolve("tiny.zip").toString(),
                dir.resolve("child-data").toString(), modelDir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // Stops at the first checkpoint, or as soon as the child dies without one (its log says why).
            org.awaitility.Awaitility.await("the child's first checkpoint").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20)).until(() -> Files.exists(latest) || !child.isAlive());
            assertThat(latest).as("child log:%n%s", log()).exists();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String checkpoint = Files.readString(latest).strip();
        int done = Integer.parseInt(checkpoint.substring("main-epoch-".length()));
        assertThat(done).as("the child was killed mid-run, not after it finished").isBetween(1, EPOCHS - 1);
        assertThat(modelDir.resolve(ModelMetadata.FILE_NAME)).doesNotExist();

        AtomicInteger firstEpoch = new AtomicInteger();
        TrainingProgress progress = (epoch, epochs, step, steps, loss, accuracy) -> firstEpoch.compareAndSet(0, epoch);
        TrainingResult result = new ClassifierTrainer().train(settings(splits), splits.train(), splits.validation(), modelDir,
                progress);

        assertThat(firstEpoch).hasValue(done + 1);
        assertThat(result.resumedFromEpoch()).isEqualTo(done);
        assertThat(result.epochsCompleted()).isEqualTo(EPOCHS);
        assertThat(result.imagesSeen()).isEqualTo((long) (EPOCHS - done) * splits.train().size());
        assertThat(result.selectedEpoch()).isBetween(1, EPOCHS);
        assertThat(modelDir.resolve("checkpoints")).doesNotExist();
        assertThat(new ClassifierEvaluator().predict(modelDir, splits.test())).hasSize(splits.test().size());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
