package com.spurlab.inference.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One image the model sees.
 *
 * @param sampleId  stable id of the sample within its dataset
 * @param imageFile a PNG or JPEG on disk
 * @param label     the class index into the training's class names
 * @param group     e.g. {@code "coat|warm"}; {@code null} means the group is the class name
 */
public record LabeledImage(String sampleId, Path imageFile, int label, String group) {

    /**
     * The sample's group as every figure uses it (training's group index, validation, DFR, evaluation):
     * its group, or else its class name ({@code "label <n>"} for a label outside {@code classNames}).
     */
    public String groupKey(List<String> classNames) {
        if (group != null) {
            return group;
        }
        return label >= 0 && label < classNames.size() ? classNames.get(label) : "label " + label;
    }
}
