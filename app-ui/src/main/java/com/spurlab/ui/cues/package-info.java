/** The project's Cues tab: EXTRACT's ranked suspected cues with their evidence images, lifts and error slices. */
package com.spurlab.ui.cues;
