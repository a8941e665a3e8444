package com.spurlab.inference.cueset;

/**
 * The layout of the zip and, for a manifest, which optional columns it carries.
 *
 * @param layout    manifest or image folders
 * @param captions  a {@code caption} column naming the garment and the cue ("a sandal on a warm striped background")
 * @param masks     a {@code mask} column with single-channel PNG garment masks (255 on the garment)
 * @param attribute the {@code attr:<cue>} column with the cue value of each image
 */
public record ArchiveFormat(ArchiveLayout layout, boolean captions, boolean masks, boolean attribute) {

    public ArchiveFormat {
        if (layout == null) {
            throw new IllegalArgumentException("layout is required");
        }
        if (layout == ArchiveLayout.IMAGE_FOLDER && (captions || masks || attribute)) {
            throw new IllegalArgumentException("an image-folder archive carries no captions, masks or attributes");
        }
    }

    /** A manifest with captions, masks and the cue attribute. */
    public static ArchiveFormat manifest() {
        return new ArchiveFormat(ArchiveLayout.MANIFEST, true, true, true);
    }

    /** Image folders only: no manifest, no masks, nothing that names the cue. */
    public static ArchiveFormat imageFolder() {
        return new ArchiveFormat(ArchiveLayout.IMAGE_FOLDER, false, false, false);
    }
}
