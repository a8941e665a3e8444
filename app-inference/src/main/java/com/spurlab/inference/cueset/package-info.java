/**
 * Spurious-cue datasets built from Fashion-MNIST: a core task over any Fashion-MNIST classes, a cue
 * (background colour, stamped word, colour cast, texture) correlated with the label in training and
 * balanced in val/test, written as SpurLab manifest or image-folder zips, with the ground truth
 * (cue value, text box, mask) that tests and benchmarks check against.
 */
package com.spurlab.inference.cueset;
