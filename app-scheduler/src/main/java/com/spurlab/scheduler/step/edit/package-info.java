/** The EDIT step: counterfactual edits of one cue, the flip rate that confirms it, and the edited dataset version. */
package com.spurlab.scheduler.step.edit;
