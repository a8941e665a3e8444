package com.spurlab.inference.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A trained classifier made ready for prediction: every batch norm folded into the convolution before it
 * (the batch norm's pass over the activations disappears; outputs equal the trained network's in
 * inference mode up to float rounding), and weights that track no gradient, so a forward pass records no
 * autograd graph on whatever thread it runs. Holds its own copy of the weights; the trained network can be
 * closed.
 */
public final class InferenceNetwork implements AutoCloseable {

    /**
     * @param embedding the penultimate representation (what {@link Embeddings} returns), (B, D)
     * @param logits    the head's output, (B, classes)
     */
    public record Output(NDArray embedding, NDArray logits) {
    }

    private final NDManager manager;
    private final Block folded;
    private final Block head;

    private InferenceNetwork(NDManager manager, Block folded) {
        this.manager = manager;
        this.folded = folded;
        this.head = Embeddings.head(folded);
    }

    /**
     * Folds {@code trained} (a loaded {@code network} with {@code numClasses} outputs for square RGB images
     * of {@code imageSize} px) into a new network on {@code device}.
     */
    public static InferenceNetwork of(ClassifierNetwork network, Block trained, int numClasses, int imageSize, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Block folded = network.buildFolded(numClasses);
            folded.initialize(manager, DataType.FLOAT32, new Shape(1, 3, imageSize, imageSize));
            BatchNormFolding.fold(trained, folded);
            return new InferenceNetwork(manager, folded);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Embeddings and logits of a batch (B, 3, S, S); the arrays live in {@code x}'s manager, which the caller closes. */
    public Output forward(NDArray x) {
        NDArray embedding = Embeddings.of(folded, x);
        NDArray logits = head.forward(new ParameterStore(x.getManager(), false), new NDList(embedding), false)
                .singletonOrThrow();
        return new Output(embedding, logits);
    }

    /** Where the weights live; batches go into sub-managers of it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
