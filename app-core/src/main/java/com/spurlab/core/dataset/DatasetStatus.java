package com.spurlab.core.dataset;

/** A version is VALIDATING until the validation job decides READY or REJECTED; it never changes after. */
public enum DatasetStatus { VALIDATING, READY, REJECTED }
