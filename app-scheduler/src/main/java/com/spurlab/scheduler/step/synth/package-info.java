/** The SYNTHESIZE step: new training images for the groups a cue leaves nearly empty, as a derived dataset version. */
package com.spurlab.scheduler.step.synth;
