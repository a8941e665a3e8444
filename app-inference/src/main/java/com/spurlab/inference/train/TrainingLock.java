package com.spurlab.inference.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The process's one training slot. DJL's PyTorch engine allows a single collecting
 * GradientCollector and holds one global random seed, so two concurrent trainings (a classifier, a
 * segmentation network, a generator) would fail or lose their determinism. Every code path that
 * opens a {@code Trainer} runs inside {@link #exclusively}; a second one waits (still cancellable).
 */
public final class TrainingLock {

    private static final ReentrantLock ENGINE = new ReentrantLock(true);

    private TrainingLock() {
    }

    /**
     * Runs {@code work} while holding the slot, waiting for it first if another training holds it.
     *
     * @throws TrainingCancelledException when {@code progress} asks to stop while waiting
     */
    public static <T> T exclusively(TrainingProgress progress, Supplier<T> work) {
        acquire(progress == null ? TrainingProgress.NONE : progress);
        try {
            return work.get();
        } finally {
            ENGINE.unlock();
        }
    }

    private static void acquire(TrainingProgress listener) {
        if (ENGINE.tryLock()) {
            return;
        }
        try {
            do {
                listener.onWaiting("waiting for the training already running in this process");
                if (listener.cancelled()) {
                    throw new TrainingCancelledException(0, 0);
                }
            } while (!ENGINE.tryLock(1, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingCancelledException(0, 0);
        }
    }
}
