/** The EXTRACT step: ranks the cues a trained model leans on, stores them and, if asked, turns one into an attribute. */
package com.spurlab.scheduler.step.extract;
