/** EXTRACT's results as stored and served: ranked suspected cues with their evidence, slices and saliency. */
package com.spurlab.core.cues;
