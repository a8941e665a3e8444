package com.spurlab.inference.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.Model;
import ai.djl.training.ParameterStore;
import com.spurlab.inference.data.DecodedImages;

/** Scores the current weights on the validation split: accuracy and worst-group accuracy. */
final class Validation {

    /** As {@code BatchedPredictor.DEFAULT_BATCH}: activations stay below glibc's mmap threshold and are reused. */
    private static final int BATCH = 64;

    record Score(double accuracy, double worstGroup) {
    }

    private final DecodedImages images;
    private final GroupIndex groups;

    Validation(DecodedImages images, GroupIndex groups) {
        this.images = images;
        this.groups = groups;
    }

    boolean isEmpty() {
        return images.size() == 0;
    }

    Score score(Model model) {
        int[] predicted = predict(model, images);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == images.label(i)) {
                correct++;
            }
        }
        int[] all = java.util.stream.IntStream.range(0, predicted.length).toArray();
        return new Score(predicted.length == 0 ? Double.NaN : (double) correct / predicted.length,
                groups.worstGroupAccuracy(all, i -> predicted[i] == images.label(i)));
    }

    /** Predicted class of every image, in inference mode (batch norm uses running statistics). */
    static int[] predict(Model model, DecodedImages images) {
        int[] predicted = new int[images.size()];
        for (int from = 0; from < images.size(); from += BATCH) {
            int[] batch = new int[Math.min(BATCH, images.size() - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = from + i;
            }
            // A fresh parameter store reads the block's current arrays, also after DFR rewrote the head.
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray logits = model.getBlock().forward(new ParameterStore(scope, false),
                        new NDList(images.batch(scope, batch)), false).singletonOrThrow();
                long[] best = logits.argMax(1).toLongArray();
                for (int i = 0; i < batch.length; i++) {
                    predicted[from + i] = (int) best[i];
                }
            }
        }
        return predicted;
    }

    static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(labels.getDataType(), false).eq(labels).sum().getLong();
    }
}
