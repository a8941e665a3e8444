package com.spurlab.inference.cueset;

/** How a generated set is packed; both are layouts SpurLab's upload accepts. */
public enum ArchiveLayout {
    /** {@code manifest.csv} ({@code image,label,split[,caption][,mask][,attr:<cue>]}) with images and masks. */
    MANIFEST,
    /** {@code <split>/<label>/<id>.png} and nothing else: the cue must be found from the pixels. */
    IMAGE_FOLDER
}
