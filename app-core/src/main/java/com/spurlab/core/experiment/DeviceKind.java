package com.spurlab.core.experiment;

/** The kind of device a job occupies a slot of while it runs. */
public enum DeviceKind { CPU, GPU }
