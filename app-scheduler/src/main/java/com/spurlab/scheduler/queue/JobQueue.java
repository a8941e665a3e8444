package com.spurlab.scheduler.queue;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
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

    /** Hands a dispatched job to Quartz; each attempt has a key of its own (a retry may follow its own firing). */
    @Transactional
    public void enqueueStep(long jobId, int attempt) {
        enqueue(StepQuartzJob.class, stepKey(jobId, attempt), StepQuartzJob.JOB_ID, jobId);
    }

    @Transactional
    public void enqueueValidation(long datasetVersionId) {
        enqueue(DatasetValidationQuartzJob.class, new JobKey("dataset-" + datasetVersionId, VALIDATIONS),
                DatasetValidationQuartzJob.DATASET_VERSION_ID, datasetVersionId);
    }

    /** Removes a step that has not fired yet; false when it is already running or gone. */
    @Transactional
    public boolean removeStep(long jobId, int attempt) {
        try {
            return scheduler.deleteJob(stepKey(jobId, attempt));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove job " + jobId + " from the queue", e);
        }
    }

    /**
     * Wakes Quartz's scheduler thread. Quartz signals it while scheduling, before our transaction
     * commits; a thread that looked meanwhile saw nothing and would sleep for its idle wait (1 s).
     * Called after the commit; resuming a trigger that is not paused changes nothing but signals.
     */
    public void wakeExecutor(long jobId, int attempt) {
        try {
            scheduler.resumeTrigger(new TriggerKey("job-" + jobId + "-" + attempt, STEPS));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot wake the executor", e);
        }
    }

    private static JobKey stepKey(long jobId, int attempt) {
        return new JobKey("job-" + jobId + "-" + attempt, STEPS);
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
