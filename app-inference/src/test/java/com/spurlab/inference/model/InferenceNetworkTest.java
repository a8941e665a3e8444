package com.spurlab.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InferenceNetworkTest {

    @ParameterizedTest
    @EnumSource(ClassifierNetwork.class)
    void foldedNetworkComputesWhatTheTrainedOneDoesInInferenceMode(ClassifierNetwork network) {
        try (Model model = Model.newInstance("trained")) {
            Block trained = network.build(3);
            model.setBlock(trained);
            RandomClassifiers.initialise(model, trained, 32, 5);
            try (InferenceNetwork folded = InferenceNetwork.of(network, trained, 3, 32, model.getNDManager().getDevice());
                    NDManager scope = model.getNDManager().newSubManager()) {
                NDArray x = scope.randomUniform(-1, 1, new Shape(6, 3, 32, 32));

                NDArray expectedEmbedding = Embeddings.of(trained, x);
                NDArray expectedLogits = Embeddings.head(trained).forward(new ParameterStore(scope, false),
                        new NDList(expectedEmbedding), false).singletonOrThrow();
                InferenceNetwork.Output out = folded.forward(x);

                assertThat(out.embedding().getShape()).isEqualTo(expectedEmbedding.getShape());
                assertClose(out.embedding().toFloatArray(), expectedEmbedding.toFloatArray());
                assertClose(out.logits().toFloatArray(), expectedLogits.toFloatArray());
                // The made-up statistics matter: without them the logits would differ.
                assertThat(expectedLogits.abs().max().getFloat()).isGreaterThan(1e-3f);
            }
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(
                    1e-4f + 1e-4f * Math.abs(expected[i])));
        }
    }
}
