package com.spurlab.inference.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * The penultimate representation of a {@link ClassifierNetwork}: the input run through every child
 * but the last (the linear head). DFR retrains the head on it; audits and retrieval read it.
 */
public final class Embeddings {

    private Embeddings() {
    }

    /**
     * Embeds a batch in inference mode (batch norm uses its running statistics). The result lives in
     * {@code x}'s manager, which the caller scopes and closes.
     */
    public static NDArray of(Block network, NDArray x) {
        if (!(network instanceof SequentialBlock sequential)) {
            throw new IllegalArgumentException("embeddings need a sequential network, got " + network.getClass());
        }
        List<Block> children = sequential.getChildren().values();
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDList current = new NDList(x);
        for (int i = 0; i < children.size() - 1; i++) {
            current = children.get(i).forward(store, current, false);
        }
        return current.singletonOrThrow();
    }

    /** The linear head whose weight (classes x dimension) and bias DFR replaces. */
    public static Block head(Block network) {
        List<Block> children = ((SequentialBlock) network).getChildren().values();
        return children.get(children.size() - 1);
    }
}
