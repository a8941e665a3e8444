package com.spurlab.inference.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a loader needs besides the weights: class names in label order, input size, network.
 * Stored as a properties file next to the DJL parameters so a person can read it too.
 *
 * @param modelName     the DJL model name, i.e. the prefix of the {@code .params} file
 * @param architecture  network id, e.g. {@link SmallCnn#ARCHITECTURE}
 * @param classNames    class names, index = label
 * @param imageSize     side of the square RGB input in pixels
 * @param trainingMethod how the weights were trained, e.g. {@code ERM}
 */
public record ModelMetadata(String modelName, String architecture, List<String> classNames, int imageSize, String trainingMethod) {

    public static final String FILE_NAME = "spurlab-model.properties";

    public ModelMetadata {
        classNames = List.copyOf(classNames);
    }

    public void write(Path modelDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("modelName", modelName);
        p.setProperty("architecture", architecture);
        p.setProperty("imageSize", Integer.toString(imageSize));
        p.setProperty("trainingMethod", trainingMethod);
        // Indexed keys rather than a joined list: class names may contain any character.
        p.setProperty("classCount", Integer.toString(classNames.size()));
        for (int i = 0; i < classNames.size(); i++) {
            p.setProperty("class." + i, classNames.get(i));
        }
        try (Writer out = Files.newBufferedWriter(modelDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            p.store(out, "SpurLab classifier");
        }
    }

    /** @throws IOException when {@code modelDir} holds no model written by SpurLab, or a damaged one */
    public static ModelMetadata read(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE_NAME);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("no SpurLab model in " + modelDir + " (missing " + FILE_NAME + ")", e);
        }
        try {
            int count = Integer.parseInt(required(p, "classCount"));
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(required(p, "class." + i));
            }
            return new ModelMetadata(required(p, "modelName"), required(p, "architecture"), names,
                    Integer.parseInt(required(p, "imageSize")), required(p, "trainingMethod"));
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged model metadata " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing key " + key);
        }
        return value;
    }
}
