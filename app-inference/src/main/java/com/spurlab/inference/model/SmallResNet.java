package com.spurlab.inference.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * A width-reduced ResNet-10 for 32-128 px inputs: a 3x3 stem, four stages of one basic residual
 * block each (16, 32, 64, 128 channels; stride 2 from the second stage on), global average pooling
 * and a linear head. The ImageNet stem (7x7 stride 2 + max pool) is left out because at 32-64 px it
 * would throw away most of the image before the first residual block sees it.
 *
 * <p>Like {@link SmallCnn}, the last child is the linear head, so everything before it is the
 * embedding ({@link Embeddings}) that DFR retrains on.
 */
public final class SmallResNet {

    /** Written into the model metadata so a loader can refuse a network it does not know. */
    public static final String ARCHITECTURE = "spurlab-resnet10-w16-v1";

    private static final int[] CHANNELS = {16, 32, 64, 128};

    private SmallResNet() {
    }

    public static Block build(int numClasses) {
        return build(numClasses, true);
    }

    /**
     * The same network with each batch norm folded into the convolution before it, which then needs a
     * bias: for prediction ({@link InferenceNetwork}).
     */
    static Block buildFolded(int numClasses) {
        return build(numClasses, false);
    }

    private static Block build(int numClasses, boolean batchNorm) {
        SequentialBlock net = new SequentialBlock()
                .addAll(normalised(conv(CHANNELS[0], 1, batchNorm), batchNorm))
                .add(Activation::relu);
        for (int stage = 0; stage < CHANNELS.length; stage++) {
            net.add(residual(CHANNELS[stage], stage == 0 ? 1 : 2, batchNorm));
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block residual(int channels, int stride, boolean batchNorm) {
        SequentialBlock main = new SequentialBlock()
                .addAll(normalised(conv(channels, stride, batchNorm), batchNorm))
                .add(Activation::relu)
                .addAll(normalised(conv(channels, 1, batchNorm), batchNorm));
        // A 1x1 projection on every block (not only where shapes change) keeps the builder simple;
        // its cost is a few per cent of the 3x3 convolutions.
        SequentialBlock shortcut = new SequentialBlock()
                .addAll(normalised(Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride))
                        .setFilters(channels).optBias(!batchNorm).build(), batchNorm));
        return new ParallelBlock(
                branches -> new NDList(Activation.relu(
                        branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()))),
                List.of(main, shortcut));
    }

    /** The convolution followed by a batch norm, flattened into the enclosing block (the saved parameters' layout). */
    private static List<Block> normalised(Block conv, boolean batchNorm) {
        return batchNorm ? List.of(conv, BatchNorm.builder().build()) : List.of(conv);
    }

    private static Block conv(int channels, int stride, boolean batchNorm) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(channels).optBias(!batchNorm).build();
    }
}
