/** Predicting with a saved classifier and the group metrics of DESIGN.md (accuracy, worst-group accuracy, gap). */
package com.spurlab.inference.eval;
