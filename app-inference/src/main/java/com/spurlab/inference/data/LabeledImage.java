package com.spurlab.inference.data;

import java.nio.file.Path;

/**
 * One image the model sees.
 *
 * @param sampleId  stable id of the sample within its dataset
 * @param imageFile a PNG or JPEG on disk
 * @param label     the class index into the training's class names
 * @param group     e.g. {@code "coat|warm"}; {@code null} means the group is the class name
 */
public record LabeledImage(String sampleId, Path imageFile, int label, String group) {
}
