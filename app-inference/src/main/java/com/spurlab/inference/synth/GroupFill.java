package com.spurlab.inference.synth;

/**
 * One label × cue-value group of the training split before and after synthesis.
 *
 * @param group    {@code "<label name>|<value>"}, as {@code LabeledImage.group()}
 * @param before   training images of the group
 * @param target   what the group was to be filled up to
 * @param added    images made for it (less than {@code target - before} when {@code maxAdded} capped it or sources
 *                 ran out; see the result's report)
 * @param operation how they were made (REPLACE_BACKGROUND, INPAINT, ADD_CUE), null when none were added
 */
public record GroupFill(String group, int label, String value, int before, int target, int added, String operation) {

    public int after() {
        return before + added;
    }
}
