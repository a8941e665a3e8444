/**
 * Where an edit's region comes from: foreground masks (the manifest's, an operator's ONNX model, a
 * segmentation network trained with DJL on the masked samples) and text boxes, as {@link RegionMask}s.
 */
package com.spurlab.inference.edit.mask;
