package com.spurlab.core.experiment;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetUploaded;
import com.spurlab.core.dataset.DatasetValidation;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepResources;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads' validations as jobs of the one queue: queued in the very transaction that stores the upload
 * (so it can never be lost), the version rejected with the cause when its job fails or is cancelled, and at
 * start-up a version left VALIDATING with no live job is queued again once, or rejected with the reason.
 */
@Component
class ValidationJobs {

    private static final Logger log = LoggerFactory.getLogger(ValidationJobs.class);

    private final Jobs jobs;
    private final JobLog jobLog;
    private final StepCatalog catalog;
    private final QueueSettings queue;
    private final DatasetService datasets;
    private final DatasetValidation validation;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ValidationJobs(Jobs jobs, JobLog jobLog, StepCatalog catalog, QueueSettings queue, DatasetService datasets,
                   DatasetValidation validation, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.jobLog = jobLog;
        this.catalog = catalog;
        this.queue = queue;
        this.datasets = datasets;
        this.validation = validation;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DatasetUploaded event) {
        queueValidation(event.projectId(), event.datasetVersionId(), "queued with the upload");
    }

    @EventListener
    void on(JobFinished event) {
        if (DatasetValidation.STEP_TYPE.equals(event.type()) && event.status() != JobStatus.SUCCEEDED
                && event.datasetVersionId() != null) {
            validation.failed(event.datasetVersionId(), "validation job " + event.jobId() + " "
                    + event.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (event.message() == null ? "" : ": " + event.message()));
        }
    }

    /** One node at a time (the queue's lock), so two nodes starting together queue a lost validation once. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void recoverLostValidations() {
        jdbc.queryForObject("SELECT id FROM queue_lock WHERE id = 1 FOR UPDATE", Integer.class);
        for (long versionId : datasets.validatingVersionIds()) {
            List<Job> mine = jobs.findByTypeAndInputDatasetVersionIdOrderById(DatasetValidation.STEP_TYPE, versionId);
            if (mine.stream().anyMatch(j -> !j.getStatus().finished())) {
                continue;
            }
            if (!mine.isEmpty()) {
                Job last = mine.get(mine.size() - 1);
                validation.failed(versionId, "its validation job " + last.getId() + " ended " + last.getStatus()
                        + (last.getMessage() == null ? "" : ": " + last.getMessage()));
            } else if (!Files.exists(datasets.archiveOf(versionId))) {
                validation.failed(versionId, "its uploaded archive is gone; upload it again");
            } else {
                queueValidation(datasets.getForJob(versionId).projectId(), versionId,
                        "queued again at start-up: the version was left validating without a job");
                log.info("dataset version {} was validating without a job; its validation is queued again", versionId);
            }
        }
    }

    private void queueValidation(long projectId, long versionId, String why) {
        Step<?> step = catalog.find(DatasetValidation.STEP_TYPE).orElseThrow(() ->
                new IllegalStateException("no VALIDATE step bean: uploads could not be validated"));
        Record params = catalog.bind(step, Map.of("datasetVersionId", versionId), "validation");
        StepResources resources = catalog.resources(step.type(), params);
        Job job = jobs.save(new Job(projectId, null, 0, step.type(), catalog.write(step.type(), params), List.of(), 0,
                queue.deviceOf(resources), resources.trainingEngine(), null, versionId, clock.instant()));
        jobLog.save(new JobLogLine(job.getId(), clock.instant(), null, why));
        events.publishEvent(new JobsQueued());
    }
}
