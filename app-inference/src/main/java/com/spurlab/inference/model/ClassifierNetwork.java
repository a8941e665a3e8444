package com.spurlab.inference.model;

import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** The networks a SpurLab classifier can be, selectable per experiment (TRAIN parameter {@code model}). */
public enum ClassifierNetwork {
    /** {@link SmallCnn}: fastest; the baseline of every pilot. */
    CNN(SmallCnn.ARCHITECTURE, SmallCnn::build, SmallCnn::buildFolded),
    /** {@link SmallResNet}: a width-reduced ResNet-10, slower but deeper. */
    RESNET(SmallResNet.ARCHITECTURE, SmallResNet::build, SmallResNet::buildFolded);

    private final String architecture;
    private final IntFunction<Block> builder;
    private final IntFunction<Block> foldedBuilder;

    ClassifierNetwork(String architecture, IntFunction<Block> builder, IntFunction<Block> foldedBuilder) {
        this.architecture = architecture;
        this.builder = builder;
        this.foldedBuilder = foldedBuilder;
    }

    /** The id written into {@link ModelMetadata#architecture()}. */
    public String architecture() {
        return architecture;
    }

    /** A fresh, uninitialised network whose last child is the linear classification head. */
    public Block build(int numClasses) {
        return builder.apply(numClasses);
    }

    /** The network without batch norms, each folded into its convolution (which then has a bias): for {@link InferenceNetwork}. */
    Block buildFolded(int numClasses) {
        return foldedBuilder.apply(numClasses);
    }

    /** @throws IllegalArgumentException for an id no network of this version writes */
    public static ClassifierNetwork ofArchitecture(String architecture) {
        return Arrays.stream(values()).filter(n -> n.architecture.equals(architecture)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown network '" + architecture
                        + "'; this SpurLab version loads " + Arrays.stream(values()).map(n -> n.architecture).toList()));
    }

    /** Parses a user's choice, case-insensitively; the message lists the valid names. */
    public static ClassifierNetwork parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("model '" + name + "' is unknown; choose one of " + List.of(values()), e);
        }
    }
}
