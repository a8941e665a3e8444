package com.spurlab.core.experiment;

/** Derived from its jobs: RUNNING while any is queued or running, else the worst outcome. */
public enum ExperimentStatus { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }
