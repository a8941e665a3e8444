/** The project's Synthesis tab: a SYNTHESIZE run's composition before and after, its quality figures and new images. */
package com.spurlab.ui.synthesis;
