/** Runs (a trained model, an evaluation) and their metrics per split and per group. */
package com.spurlab.core.run;
