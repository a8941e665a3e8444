package com.spurlab.inference.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process's one autograd engine. DJL's PyTorch engine allows a single collecting
 * GradientCollector and holds one global random seed, so whatever records gradients (a training,
 * EXTRACT's saliency) holds this lease for its whole run; a second caller waits, still cancellable.
 */
public final class TrainingEngine {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingEngine() {
    }

    /** Held while gradients may be recorded; closing it lets the next waiter in. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until no one else records gradients in this process, telling {@code listener} every second
     * why it waits.
     *
     * @throws TrainingCancelledException when {@code listener} asks to stop (or the thread is interrupted) while waiting
     */
    public static Lease acquire(TrainingProgress listener) {
        TrainingProgress progress = listener == null ? TrainingProgress.NONE : listener;
        if (!LOCK.tryLock()) {
            try {
                do {
                    progress.onWaiting("waiting for the training already running in this process");
                    if (progress.cancelled()) {
                        throw new TrainingCancelledException(0, 0);
                    }
                } while (!LOCK.tryLock(1, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrainingCancelledException(0, 0);
            }
        }
        return LOCK::unlock;
    }
}
