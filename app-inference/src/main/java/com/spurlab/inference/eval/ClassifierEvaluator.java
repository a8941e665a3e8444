package com.spurlab.inference.eval;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.predict.BatchedPredictor;
import com.spurlab.inference.predict.ImageInput;
import com.spurlab.inference.predict.Scores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a classifier saved by {@code ClassifierTrainer} and predicts labelled images with it ({@link BatchedPredictor}). */
public final class ClassifierEvaluator {

    private static final Logger log = LoggerFactory.getLogger(ClassifierEvaluator.class);

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
        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir)) {
            List<String> classNames = predictor.metadata().classNames();
            Scores scores = predictor.score(ImageInput.files(samples), true);
            List<Prediction> predictions = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                predictions.add(toPrediction(samples.get(i), scores.probabilities()[i], classNames));
            }
            log.debug("predicted {} samples with {} at {} images/s", predictions.size(), modelDir,
                    String.format("%.0f", scores.imagesPerSecond()));
            return new ScoredSamples(predictions, scores.embeddings());
        }
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
}
