package com.spurlab.inference.predict;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.spurlab.inference.data.BatchQueue;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.engine.NativeRuntime;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.InferenceNetwork;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Predicts whole splits with a saved classifier: the one inference path of evaluation, embedding
 * (EXTRACT, AUDIT) and predicting edited copies (EDIT). Loads the model once and folds its batch norms
 * ({@link InferenceNetwork}); per run, a background thread reads and decodes the next batches into a
 * bounded queue of {@value com.spurlab.inference.data.BatchQueue#AHEAD} + 1 pixel buffers while the
 * calling thread runs the network on the current one, so decoding overlaps the forward pass and memory
 * stays at a few batches whatever the split's size. No per-image engine calls.
 *
 * <p>Not thread-safe: one run at a time per predictor (steps each open their own).
 */
public final class BatchedPredictor implements AutoCloseable {

    /**
     * Images per forward pass. 64 keeps the largest activation (64 x 16 x 64 x 64 floats, 16 MiB at 64 px)
     * below glibc's mmap threshold, so its memory is reused instead of mapped and faulted in per batch;
     * measured at 64 px, with one thread, it predicts about twice as many images per CPU-second as batches of 256.
     */
    public static final int DEFAULT_BATCH = 64;

    private final ModelMetadata metadata;
    private final InferenceNetwork network;
    private final int batchSize;

    private BatchedPredictor(ModelMetadata metadata, InferenceNetwork network, int batchSize) {
        this.metadata = metadata;
        this.network = network;
        this.batchSize = batchSize;
    }

    /** {@link #open(Path, int)} with {@link #DEFAULT_BATCH}. */
    public static BatchedPredictor open(Path modelDir) {
        return open(modelDir, DEFAULT_BATCH);
    }

    /**
     * Loads the classifier saved in {@code modelDir} on the engine's default device.
     *
     * @throws UncheckedIOException     when the folder holds no readable SpurLab model
     * @throws IllegalArgumentException when it holds a network this code does not know, or the batch size is below 1
     */
    public static BatchedPredictor open(Path modelDir, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        ModelMetadata metadata;
        try {
            metadata = ModelMetadata.read(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassifierNetwork network = ClassifierNetwork.ofArchitecture(metadata.architecture());
        NativeRuntime.prepare();
        Device device = Engine.getInstance().defaultDevice();
        int classes = metadata.classNames().size();
        try (Model model = Model.newInstance(metadata.modelName(), device)) {
            model.setBlock(network.build(classes));
            model.load(modelDir, metadata.modelName());
            return new BatchedPredictor(metadata, InferenceNetwork.of(network, model.getBlock(), classes,
                    metadata.imageSize(), device), batchSize);
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException("cannot load the model in " + modelDir,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Runs every image of {@code input} and hands each batch's results to {@code sink}, in input order, on
     * the calling thread.
     *
     * @return images per wall-clock second, input decoding included
     * @throws UncheckedIOException  naming the sample when an image cannot be read
     * @throws CancellationException when the calling thread is interrupted; nothing more reaches the sink
     */
    public double run(ImageInput input, boolean withEmbeddings, Consumer<ScoredBatch> sink) {
        int size = metadata.imageSize();
        int total = input.size();
        int batches = (total + batchSize - 1) / batchSize;
        long start = System.nanoTime();
        try (BatchQueue queue = new BatchQueue(batches, batchSize, size, (b, target) -> {
            int count = Math.min(batchSize, total - b * batchSize);
            input.fill(b * batchSize, count, size, target);
            return count;
        }, "spurlab-predict-input")) {
            for (int b = 0; b < batches; b++) {
                BatchQueue.Batch pixels = queue.next();
                ScoredBatch scored = forward(pixels, withEmbeddings);
                queue.recycle(pixels);
                sink.accept(scored);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("prediction interrupted");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return total == 0 ? 0 : total / seconds;
    }

    /** {@link #run} collecting every result. */
    public Scores score(ImageInput input, boolean withEmbeddings) {
        float[][] probabilities = new float[input.size()][];
        float[][] embeddings = withEmbeddings ? new float[input.size()][] : null;
        double rate = run(input, withEmbeddings, batch -> {
            System.arraycopy(batch.probabilities(), 0, probabilities, batch.from(), batch.size());
            if (withEmbeddings) {
                System.arraycopy(batch.embeddings(), 0, embeddings, batch.from(), batch.size());
            }
        });
        return new Scores(probabilities, embeddings, rate);
    }

    private ScoredBatch forward(BatchQueue.Batch pixels, boolean withEmbeddings) {
        int count = pixels.count();
        // One scope per batch: its arrays (and the view of the pixel buffer) are freed before the buffer is reused.
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray x = DecodedImages.wrap(scope, pixels.pixels(), count, metadata.imageSize());
            InferenceNetwork.Output out = network.forward(x);
            float[][] probabilities = rows(out.logits().softmax(1).toFloatArray(), count);
            float[][] embeddings = withEmbeddings ? rows(out.embedding().toFloatArray(), count) : null;
            return new ScoredBatch(pixels.number() * batchSize, probabilities, embeddings);
        }
    }

    private static float[][] rows(float[] flat, int count) {
        int width = flat.length / count;
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    @Override
    public void close() {
        network.close();
    }
}
