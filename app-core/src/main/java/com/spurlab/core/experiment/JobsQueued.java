package com.spurlab.core.experiment;

/** Jobs were queued (a plan, a validation, a retry): once committed, the dispatcher looks for free slots. */
public record JobsQueued() {
}
