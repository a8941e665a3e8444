package com.spurlab.inference.train;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.data.DecodedImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Assembles one epoch's batches on a background thread, up to {@value #AHEAD} ahead of the step that
 * trains on them, into a small pool of direct buffers that the engine reads in place: no allocation and
 * no copy per step, and the pixels of the next batch are ready when the step before it ends. Batches come
 * out in plan order and draw their augmentation from the epoch's generator in that order, so a seed gives
 * exactly the batches that assembling them in the training thread gives.
 */
final class BatchPrefetcher implements AutoCloseable {

    static final int AHEAD = 2;

    /** Training-set indices of a batch and its pixels, as {@link DecodedImages#fill} writes them. */
    record Batch(int[] indices, ByteBuffer pixels) {
    }

    private final BlockingQueue<ByteBuffer> free;
    /** A {@link Batch}, or the {@link RuntimeException}/{@link Error} that stopped the producer. */
    private final BlockingQueue<Object> ready;
    private final Thread producer;

    /** Starts assembling; {@code random} then belongs to this prefetcher until it is closed. */
    BatchPrefetcher(DecodedImages images, int[] order, int batchSize, Augmentation augmentation, Random random) {
        int steps = (order.length + batchSize - 1) / batchSize;
        int buffers = Math.min(steps, AHEAD) + 1;
        free = new ArrayBlockingQueue<>(buffers);
        ready = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(DecodedImages.allocateBatch(batchSize, images.imageSize()));
        }
        producer = new Thread(() -> {
            try {
                for (int step = 0; step < steps; step++) {
                    int[] indices = Arrays.copyOfRange(order, step * batchSize, Math.min((step + 1) * batchSize, order.length));
                    ByteBuffer pixels = free.take();
                    images.fill(pixels, indices, augmentation, random);
                    ready.put(new Batch(indices, pixels));
                }
            } catch (InterruptedException e) {
                // Closed before the epoch ended (cancellation or a failed step): nothing left to do.
            } catch (RuntimeException | Error e) {
                // Room is certain: this thread holds a buffer, so fewer batches than buffers wait.
                ready.add(e);
            }
        }, "spurlab-batches");
        producer.setDaemon(true);
        producer.start();
    }

    /**
     * The next batch, waiting for it if needed. Its buffer is in use until {@link #recycle} is called,
     * which the caller does once the arrays reading it are closed.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    Batch next() throws InterruptedException {
        Object next = ready.take();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (Batch) next;
    }

    void recycle(Batch batch) {
        free.add(batch.pixels());
    }

    @Override
    public void close() {
        producer.interrupt();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
