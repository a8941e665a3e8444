package com.spurlab.inference.eval;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.model.ModelMetadata;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a classifier saved by {@code ClassifierTrainer} and predicts labelled images with it. */
public final class ClassifierEvaluator {

    private static final Logger log = LoggerFactory.getLogger(ClassifierEvaluator.class);
    private static final int BATCH = 256;

    public ClassifierEvaluator() {
    }

    /**
     * Predicts every sample, in input order, in batches whose arrays are freed after each batch.
     * A sample without a group gets its class's group ({@link LabeledImage#groupKey}).
     *
     * @throws UncheckedIOException     when the model folder or an image cannot be read
     * @throws IllegalArgumentException when the folder holds a network this code does not know
     */
    public List<Prediction> predict(Path modelDir, List<LabeledImage> samples) {
        return score(modelDir, samples).predictions();
    }

    /**
     * Like {@link #predict}, and also keeps each sample's embedding (the input to the linear head),
     * computed in the same forward pass.
     */
    public ScoredSamples score(Path modelDir, List<LabeledImage> samples) {
        ModelMetadata metadata = readMetadata(modelDir);
        ClassifierNetwork network = ClassifierNetwork.ofArchitecture(metadata.architecture());
        List<String> classNames = metadata.classNames();
        DecodedImages images = DecodedImages.decode(samples, metadata.imageSize());
        List<Prediction> predictions = new ArrayList<>(samples.size());
        float[][] embeddings = new float[samples.size()][];
        try (Model model = Model.newInstance(metadata.modelName(), Engine.getInstance().defaultDevice())) {
            model.setBlock(network.build(classNames.size()));
            model.load(modelDir, metadata.modelName());
            Block head = Embeddings.head(model.getBlock());
            for (int from = 0; from < samples.size(); from += BATCH) {
                int first = from;
                int[] indices = new int[Math.min(BATCH, samples.size() - from)];
                Arrays.setAll(indices, i -> first + i);
                // One scope per batch: its arrays are freed before the next batch is built.
                try (NDManager scope = model.getNDManager().newSubManager()) {
                    NDArray embedding = Embeddings.of(model.getBlock(), images.batch(scope, indices));
                    NDArray probabilities = head.forward(new ParameterStore(scope, false), new NDList(embedding), false)
                            .singletonOrThrow().softmax(1);
                    int classes = classNames.size();
                    int d = (int) embedding.getShape().get(1);
                    float[] p = probabilities.toFloatArray();
                    float[] e = embedding.toFloatArray();
                    for (int i = 0; i < indices.length; i++) {
                        predictions.add(toPrediction(samples.get(from + i), Arrays.copyOfRange(p, i * classes,
                                (i + 1) * classes), classNames));
                        embeddings[from + i] = Arrays.copyOfRange(e, i * d, (i + 1) * d);
                    }
                }
            }
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException("cannot load the model in " + modelDir,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        log.debug("predicted {} samples with {}", predictions.size(), modelDir);
        return new ScoredSamples(predictions, embeddings);
    }

    private static Prediction toPrediction(LabeledImage sample, float[] probabilities, List<String> classNames) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return new Prediction(sample.sampleId(), sample.label(), best, probabilities[best], sample.groupKey(classNames));
    }

    private static ModelMetadata readMetadata(Path modelDir) {
        try {
            return ModelMetadata.read(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
