package com.spurlab.core.step;

/** The kind of device a job occupies a slot of while it runs. */
public enum DeviceKind { CPU, GPU }
