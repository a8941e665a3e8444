/**
 * Counterfactual edits that remove or swap a spurious cue while keeping the label
 * ({@link com.spurlab.inference.edit.CounterfactualEditor}), and the confirmation run that measures
 * how often a model's prediction flips under them against a control edit
 * ({@link com.spurlab.inference.edit.CueConfirmation}).
 */
package com.spurlab.inference.edit;
