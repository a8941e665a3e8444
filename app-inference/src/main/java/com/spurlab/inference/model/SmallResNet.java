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
        SequentialBlock net = new SequentialBlock()
                .add(conv(CHANNELS[0], 1))
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
        for (int stage = 0; stage < CHANNELS.length; stage++) {
            net.add(residual(CHANNELS[stage], stage == 0 ? 1 : 2));
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block residual(int channels, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(channels, stride))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(channels, 1))
                .add(BatchNorm.builder().build());
        // A 1x1 projection on every block (not only where shapes change) keeps the builder simple;
        // its cost is a few per cent of the 3x3 convolutions.
        SequentialBlock shortcut = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride))
                        .setFilters(channels).optBias(false).build())
                .add(BatchNorm.builder().build());
        return new ParallelBlock(
                branches -> new NDList(Activation.relu(
                        branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()))),
                List.of(main, shortcut));
    }

    private static Block conv(int channels, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(channels).optBias(false).build();
    }
}
