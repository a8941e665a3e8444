package com.spurlab.inference.edit.mask;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image that may need a foreground mask.
 *
 * @param sampleId  the sample's id, named in errors and provenance
 * @param imageFile the PNG/JPEG on disk
 * @param maskFile  the manifest's mask (single-channel PNG, foreground &gt; 0), or {@code null} when it has none
 */
public record SampleImage(String sampleId, Path imageFile, Path maskFile) {

    public SampleImage {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(imageFile, "imageFile");
    }
}
