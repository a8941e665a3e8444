package com.spurlab.inference.extract;

import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.util.List;

/** Refuses a request EXTRACT cannot answer, with a message that says what to fix. */
final class RequestCheck {

    private RequestCheck() {
    }

    /** @throws IllegalArgumentException naming the problem and its fix */
    static Outcomes check(ExtractionRequest request) {
        List<String> classes = request.classNames();
        if (classes.size() < 2) {
            throw new IllegalArgumentException("EXTRACT needs at least two class names, got " + classes);
        }
        if (request.samples().isEmpty()) {
            throw new IllegalArgumentException("split '" + request.split() + "' has no samples: choose a split that holds"
                    + " images (train, val or test) or upload a dataset version with that split");
        }
        if (request.modelDir() != null) {
            List<String> modelClasses;
            try {
                modelClasses = ModelMetadata.read(request.modelDir()).classNames();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the model: " + e.getMessage(), e);
            }
            if (!modelClasses.equals(classes)) {
                throw new IllegalArgumentException("the model was trained on classes " + modelClasses
                        + " but this dataset version's labels are " + classes
                        + ": choose a model trained on this dataset version (or one with the same label set)");
            }
        }
        if (request.scored() == null) {
            throw new IllegalArgumentException("no predictions: score the split with ClassifierEvaluator.score first");
        }
        List<Prediction> predictions = request.scored().predictions();
        if (predictions.size() != request.samples().size()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + request.samples().size()
                    + " samples: score exactly the split's samples, in order");
        }
        for (int i = 0; i < predictions.size(); i++) {
            ExtractionSample sample = request.samples().get(i);
            if (!predictions.get(i).sampleId().equals(sample.sampleId())) {
                throw new IllegalArgumentException("prediction " + i + " is for sample " + predictions.get(i).sampleId()
                        + " but sample " + i + " is " + sample.sampleId() + ": score the split's samples in order");
            }
            requireLabel(sample, classes.size(), "split " + request.split());
            if (predictions.get(i).label() != sample.label()) {
                throw new IllegalArgumentException("sample " + sample.sampleId() + " has label " + sample.label()
                        + " but its prediction was scored against label " + predictions.get(i).label()
                        + ": score the split with the same labels");
            }
        }
        for (ExtractionSample sample : request.reference()) {
            requireLabel(sample, classes.size(), "reference (train)");
        }
        return Outcomes.of(predictions, classes.size());
    }

    private static void requireLabel(ExtractionSample sample, int classes, String where) {
        if (sample.label() < 0 || sample.label() >= classes) {
            throw new IllegalArgumentException(where + " sample " + sample.sampleId() + " has label " + sample.label()
                    + ", outside the " + classes + " class names");
        }
    }
}
