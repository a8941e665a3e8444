package com.spurlab.core.experiment;

import java.time.Instant;

/** A line of a job's log as callers see it. */
public record JobLogEntry(Instant at, String node, String line) {
}
