package com.spurlab.core.run;

/** What a run produced: a trained model, or an evaluation of one. */
public enum RunKind { TRAINING, EVALUATION }
