package com.spurlab.core.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a job's persisted log: what happened, when, on which node. */
@Entity
@Table(name = "job_log")
class JobLogLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    private String node;

    @Column(nullable = false)
    private String line;

    protected JobLogLine() {
    }

    JobLogLine(long jobId, Instant loggedAt, String node, String line) {
        this.jobId = jobId;
        this.loggedAt = loggedAt;
        this.node = node;
        this.line = line.length() <= 2000 ? line : line.substring(0, 1997) + "...";
    }

    JobLogEntry view() {
        return new JobLogEntry(loggedAt, node, line);
    }
}
