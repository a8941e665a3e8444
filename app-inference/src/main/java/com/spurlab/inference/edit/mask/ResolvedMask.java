package com.spurlab.inference.edit.mask;

/**
 * A region and where it came from.
 *
 * @param mask   the region, the image's size
 * @param source which link of the chain gave it
 */
public record ResolvedMask(RegionMask mask, MaskSource source) {
}
