/**
 * SYNTHESIZE: new training images for the label × cue-value groups a spurious cue leaves nearly empty, made by
 * recombining EDIT's operations on training images ({@link com.spurlab.inference.synth.Synthesizer}), with their
 * provenance and quality figures ({@link com.spurlab.inference.synth.SynthesisQuality}).
 */
package com.spurlab.inference.synth;
