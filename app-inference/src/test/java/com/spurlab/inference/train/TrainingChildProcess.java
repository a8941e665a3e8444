package com.spurlab.inference.train;

import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSplits;
import java.nio.file.Path;

/**
 * The JVM that {@link TrainingResumeIT} kills: trains the tiny demo set with
 * {@link TrainingResumeIT#settings} into a model folder. Arguments: demo zip, unpack folder, model folder.
 */
public final class TrainingChildProcess {

    private TrainingChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        DemoSplits splits = DemoArchive.extract(Path.of(args[0]), Path.of(args[1]));
        new ClassifierTrainer().train(TrainingResumeIT.settings(splits), splits.train(), splits.validation(),
                Path.of(args[2]), TrainingProgress.NONE);
    }
}
