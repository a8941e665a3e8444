package com.spurlab.inference.data;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Assembles batches of input pixels on a background thread, up to {@value #AHEAD} ahead of the caller
 * that runs the network on them, into a small pool of direct buffers the engine reads in place: no
 * allocation and no copy per batch, and the next batch (decoding included, for prediction from files) is
 * ready when the forward pass of the one before it ends. The queue between the two threads is bounded by
 * the pool, so memory stays at {@value #AHEAD} + 1 batches whatever the split's size, and that memory is
 * freed when the queue is closed, not whenever the garbage collector gets to a direct buffer.
 *
 * <p>Batches come out in order and the filler is called in that order from one thread, so a filler that
 * draws from a seeded generator gives the same batches as calling it from the caller's thread.
 * Training and prediction both use it; public for that reason, not part of the module's contract.
 */
public final class BatchQueue implements AutoCloseable {

    public static final int AHEAD = 2;

    /** Writes batch {@code batch} into {@code target} (as {@link DecodedImages#fill} does) and says how many images it wrote. */
    @FunctionalInterface
    public interface Filler {
        int fill(int batch, ByteBuffer target);
    }

    /** A filled batch: its number, its image count and its pixels. */
    public record Batch(int number, int count, ByteBuffer pixels) {
    }

    private final List<Memory> memory = new ArrayList<>();
    private final BlockingQueue<ByteBuffer> free;
    /** A {@link Batch}, or the {@link RuntimeException}/{@link Error} that stopped the filler. */
    private final BlockingQueue<Object> ready;
    private final Thread producer;

    /**
     * Starts filling batches 0 .. {@code batches - 1} of at most {@code batchSize} images of
     * {@code imageSize} px; {@code filler} then runs on the queue's thread until {@link #close()}.
     */
    public BatchQueue(int batches, int batchSize, int imageSize, Filler filler, String threadName) {
        int buffers = Math.max(1, Math.min(batches, AHEAD) + 1);
        free = new ArrayBlockingQueue<>(buffers);
        ready = new ArrayBlockingQueue<>(buffers);
        long bytes = (long) batchSize * 3 * imageSize * imageSize * Float.BYTES;
        for (int i = 0; i < buffers; i++) {
            Memory block = new Memory(bytes);
            memory.add(block);
            free.add(block.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder()));
        }
        producer = new Thread(() -> {
            try {
                for (int b = 0; b < batches; b++) {
                    ByteBuffer pixels = free.take();
                    ready.put(new Batch(b, filler.fill(b, pixels), pixels));
                }
            } catch (InterruptedException e) {
                // Closed before the last batch (cancellation or a failure downstream): nothing left to do.
            } catch (RuntimeException | Error e) {
                // Room is certain: this thread holds a buffer, so fewer batches than buffers wait.
                ready.add(e);
            }
        }, threadName);
        producer.setDaemon(true);
        producer.start();
    }

    /**
     * The next batch, waiting for it if needed. Its buffer is in use until {@link #recycle} is called,
     * which the caller does once the arrays reading it are closed.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     * @throws RuntimeException     what the filler threw, e.g. an {@link java.io.UncheckedIOException} for an unreadable image
     */
    public Batch next() throws InterruptedException {
        Object next = ready.take();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (Batch) next;
    }

    public void recycle(Batch batch) {
        free.add(batch.pixels());
    }

    /** Stops the filler and frees the buffers: every array reading them must be closed by now. */
    @Override
    public void close() {
        producer.interrupt();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The filler may still be writing: leave its memory to the garbage collector rather than free it under it.
            return;
        }
        memory.forEach(Memory::close);
    }
}
