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

    private final Scheduler scheduler;

    JobQueue(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Hands a dispatched job to Quartz; each hand-over has a key of its own (a retry, or a job a node handed
     * back, may be dispatched again while its previous firing is still being cleaned up).
     */
    @Transactional
    public void enqueueStep(long jobId, int dispatchCount) {
        enqueue(StepQuartzJob.class, stepKey(jobId, dispatchCount), StepQuartzJob.JOB_ID, jobId);
    }

    /** Removes a step that has not fired yet; false when it is already running or gone. */
    @Transactional
    public boolean removeStep(long jobId, int dispatchCount) {
        try {
            return scheduler.deleteJob(stepKey(jobId, dispatchCount));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove job " + jobId + " from the queue", e);
        }
    }

    /**
     * Wakes Quartz's scheduler thread. Quartz signals it while scheduling, before our transaction
     * commits; a thread that looked meanwhile saw nothing and would sleep for its idle wait (1 s).
     * Called after the commit; resuming a trigger that is not paused changes nothing but signals.
     */
    public void wakeExecutor(long jobId, int dispatchCount) {
        try {
            scheduler.resumeTrigger(new TriggerKey("job-" + jobId + "-" + dispatchCount, STEPS));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot wake the executor", e);
        }
    }

    /** The node's id in the cluster (Quartz's instance id): what job logs and the node table name it by. */
    public String nodeId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read this node's id", e);
        }
    }

    private static JobKey stepKey(long jobId, int dispatchCount) {
        return new JobKey("job-" + jobId + "-" + dispatchCount, STEPS);
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
