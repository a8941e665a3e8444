package com.spurlab.inference.audit;

/**
 * One concept of an association test as the model sees it: the embeddings of the images that stand for
 * it (e.g. "t-shirt" = t-shirts with the background removed, "warm" = warm backgrounds with the garment
 * removed).
 *
 * @param name         what the concept is, e.g. {@code "t-shirt"} or {@code "background=warm"}
 * @param embeddings   one row per image, all of the same length
 * @param construction how the images were made, in words (shown in the report)
 * @param approximate  true when the images are a stand-in (e.g. whole images, because no masks exist),
 *                     so the set mixes in more than the concept
 */
public record ConceptSet(String name, float[][] embeddings, String construction, boolean approximate) {

    public ConceptSet {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a concept set needs a name");
        }
        if (embeddings == null || embeddings.length == 0) {
            throw new IllegalArgumentException("concept set '" + name + "' has no images");
        }
        int d = embeddings[0].length;
        for (float[] e : embeddings) {
            if (e.length != d) {
                throw new IllegalArgumentException("concept set '" + name + "' mixes embeddings of length " + d + " and "
                        + e.length);
            }
        }
    }

    public int size() {
        return embeddings.length;
    }
}
