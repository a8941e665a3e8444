package com.spurlab.inference.extract;

import java.util.BitSet;

/**
 * A named cue before scoring: which samples of the split carry it, and which samples of the reference
 * data (train, where the cue's association with a class is measured) carry it.
 *
 * @param referenceLabels class of each reference sample, index-aligned with {@code reference}
 */
record CueCandidate(String name, CueKind kind, BitSet split, BitSet reference, int[] referenceLabels) {
}
