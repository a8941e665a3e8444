package com.spurlab.core.kpi;

/** A metric's value with its 95 % interval. */
record Figure(double value, double low, double high) {
}
