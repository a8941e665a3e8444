package com.spurlab.core.step;

/** What a step hands to the steps after it; artifacts are referred to by id, never by server path. */
public enum ArtifactType {
    /** A trained classifier (and the dataset version it was trained on). */
    MODEL,
    /** Predictions and penultimate-layer embeddings of every split of a version, under one model. */
    EMBEDDINGS,
    /** A ranked list of suspected spurious cues with their evidence. */
    CUES,
    /** A dataset version: the experiment's own, or one a step derived (edited, synthesised). */
    DATASET_VERSION,
    /** Original/edited image pairs of one cue edit, with the predictions before and after. */
    EDIT_SET,
    /** A bias audit of one model. */
    AUDIT_REPORT
}
