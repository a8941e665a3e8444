package com.spurlab.core.dataset;

import java.util.Map;

/** One sample as the gallery and the API show it; the image itself is fetched by id. */
public record SampleView(long id, String path, String label, String split, Map<String, String> attributes,
                         int width, int height) {
}
