package com.spurlab.core.experiment;

/** Published after an experiment's jobs are stored: the scheduler queues the ones that can start. */
public record ExperimentPlanned(long experimentId) {
}
