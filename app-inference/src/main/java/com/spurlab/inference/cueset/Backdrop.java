package com.spurlab.inference.cueset;

/**
 * How bright the background is under the garment (Fashion-MNIST garments are light grey). It decides
 * how hard the core task is for a CNN: near the garment's grey, the shape hides in the background.
 */
public enum Backdrop {

    /** Brightness 0.55-0.85, close to the garment's grey: the demo's look, where the shape is hard to learn. */
    BRIGHT(0.55f, 0.30f),
    /** Brightness 0.20-0.45 under the light garment: the shape stands out as in Fashion-MNIST itself. */
    DIM(0.20f, 0.25f);

    private final float low;
    private final float range;

    Backdrop(float low, float range) {
        this.low = low;
        this.range = range;
    }

    /** The brightness for a uniform draw {@code u} in [0, 1). */
    float brightness(float u) {
        return low + range * u;
    }
}
