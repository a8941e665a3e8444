package com.spurlab.inference.cueset;

/**
 * Ground truth of one generated image, for tests and benchmarks; none of it is in an image-folder zip.
 *
 * @param sampleId  the file name without {@code .png}, unique in the set
 * @param path      the image's path inside the zip
 * @param split     train, val or test
 * @param label     index into the set's labels
 * @param labelName the Fashion-MNIST class name
 * @param cueValue  one of the cue kind's values, e.g. {@code warm} or {@code stamped}
 * @param word      the stamped word as printed, null when nothing is stamped
 * @param textBox   pixel box of the stamped word's ink, null when nothing is stamped
 * @param maskPath  the garment mask's path inside the zip, null when the zip has no masks
 * @param caption   what the caption column says (or would say) about the image
 */
public record CueSample(String sampleId, String path, String split, int label, String labelName, String cueValue,
        String word, TextBox textBox, String maskPath, String caption) {

    /** The evaluation group, {@code "<label>|<cue value>"}, as in {@code LabeledImage.group()}. */
    public String group() {
        return labelName + "|" + cueValue;
    }
}
