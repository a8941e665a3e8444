/**
 * EXTRACT: ranks the cues a classifier leans on (attribute values, caption keywords, printed words,
 * error slices, gradients outside the foreground) by how much they raise its errors within a label
 * and how strongly they predict another label in training.
 */
package com.spurlab.inference.extract;
