/** Predicting with a saved classifier (with embeddings), the group metrics of DESIGN.md and per-class figures (confusion, precision/recall, ECE). */
package com.spurlab.inference.eval;
