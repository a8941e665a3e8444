package com.spurlab.scheduler.step.edit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's EDIT settings.
 *
 * @param segmentationModel an ONNX segmentation model that gives foreground masks to images without a manifest mask,
 *                          or null for none. Contract (checked on a probe image when a run opens it): one input
 *                          float32 {@code [1,3,H,W]}, RGB in 0..1 (dynamic H/W get the image's size, fixed ones a
 *                          bilinear resize); the first output float32 {@code [1,1,H',W']} or {@code [1,H',W']},
 *                          foreground probability in 0..1 (thresholded at 0.5, resized back to the image)
 */
@ConfigurationProperties("spurlab.edit")
public record EditSettings(Path segmentationModel) {
}
