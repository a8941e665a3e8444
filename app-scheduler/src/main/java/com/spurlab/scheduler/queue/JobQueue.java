package com.spurlab.scheduler.queue;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts work into Quartz's persistent store. Every Quartz job asks for recovery, so work that was
 * running when the process died is fired again at the next start.
 */
@Component
public class JobQueue {

    static final String STEPS = "steps";
    static final String VALIDATIONS = "validations";

    private final Scheduler scheduler;

    JobQueue(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Transactional
    public void enqueueStep(long jobId) {
        enqueue(StepQuartzJob.class, new JobKey("job-" + jobId, STEPS), StepQuartzJob.JOB_ID, jobId);
    }

    @Transactional
    public void enqueueValidation(long datasetVersionId) {
        enqueue(DatasetValidationQuartzJob.class, new JobKey("dataset-" + datasetVersionId, VALIDATIONS),
                DatasetValidationQuartzJob.DATASET_VERSION_ID, datasetVersionId);
    }

    /** Removes a step that has not fired yet; false when it is already running or gone. */
    @Transactional
    public boolean removeStep(long jobId) {
        try {
            return scheduler.deleteJob(new JobKey("job-" + jobId, STEPS));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove job " + jobId + " from the queue", e);
        }
    }

    private void enqueue(Class<? extends org.quartz.Job> type, JobKey key, String dataKey, long id) {
        try {
            if (scheduler.checkExists(key)) {
                return;
            }
            JobDetail detail = JobBuilder.newJob(type).withIdentity(key).usingJobData(dataKey, id)
                    .requestRecovery(true).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).startNow()
                    .build();
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot queue " + key, e);
        }
    }
}
