package com.spurlab.inference.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Predictions of a split with each sample's embedding (the network's penultimate layer), in input order.
 *
 * @param embeddings one row per prediction
 */
public record ScoredSamples(List<Prediction> predictions, float[][] embeddings) {

    public ScoredSamples {
        predictions = List.copyOf(predictions);
        if (embeddings.length != predictions.size()) {
            throw new IllegalArgumentException(embeddings.length + " embeddings for " + predictions.size() + " predictions");
        }
    }

    /** CSV {@code sample_id,label,predicted,confidence,group,e0,e1,...}: what audits and retrieval jobs read. */
    public void writeEmbeddings(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int d = embeddings.length == 0 ? 0 : embeddings[0].length;
            out.write("sample_id,label,predicted,confidence,group");
            for (int k = 0; k < d; k++) {
                out.write(",e" + k);
            }
            out.write('\n');
            for (int i = 0; i < embeddings.length; i++) {
                writePrediction(out, predictions.get(i));
                for (float v : embeddings[i]) {
                    out.write(',');
                    out.write(Float.toString(v));
                }
                out.write('\n');
            }
        }
    }

    /** CSV {@code sample_id,label,predicted,confidence,group} of the misclassified samples. */
    public static void writeErrors(Path file, List<Prediction> errors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sample_id,label,predicted,confidence,group\n");
            for (Prediction p : errors) {
                writePrediction(out, p);
                out.write('\n');
            }
        }
    }

    private static void writePrediction(Writer out, Prediction p) throws IOException {
        out.write(csv(p.sampleId()) + "," + p.label() + "," + p.predicted() + ","
                + String.format(Locale.ROOT, "%.6f", p.confidence()) + "," + csv(p.group()));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
