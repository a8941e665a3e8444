package com.spurlab.inference.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;

/**
 * The baseline classifier: three conv blocks (3x3 conv, batch norm, ReLU, 2x2 max pool) and two
 * linear layers. Small on purpose: it trains at hundreds of images per second on a laptop CPU,
 * which is what a pilot's baseline needs, and it readily picks up colour and texture cues.
 */
public final class SmallCnn {

    /** Written into the model metadata so a loader can refuse a network it does not know. */
    public static final String ARCHITECTURE = "spurlab-small-cnn-v1";

    private static final int[] CHANNELS = {16, 32, 64};
    private static final int HIDDEN = 64;

    private SmallCnn() {
    }

    public static Block build(int numClasses) {
        return build(numClasses, true);
    }

    /** The same network with each batch norm folded into the convolution before it: for prediction ({@link InferenceNetwork}). */
    static Block buildFolded(int numClasses) {
        return build(numClasses, false);
    }

    private static Block build(int numClasses, boolean batchNorm) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : CHANNELS) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels).build());
            if (batchNorm) {
                net.add(BatchNorm.builder().build());
            }
            net.add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
