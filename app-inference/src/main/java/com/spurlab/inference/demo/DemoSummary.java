package com.spurlab.inference.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SpuriousFashionMnist#write} produced.
 *
 * @param archive         the manifest zip
 * @param images          images in it (masks not counted)
 * @param labels          class names in label order
 * @param attribute       the attribute column's name without the {@code attr:} prefix
 * @param attributeValues the attribute's values; value i is the majority background of classes i, i+2, ...
 */
public record DemoSummary(Path archive, int images, List<String> labels, String attribute, List<String> attributeValues) {

    public DemoSummary {
        labels = List.copyOf(labels);
        attributeValues = List.copyOf(attributeValues);
    }
}
