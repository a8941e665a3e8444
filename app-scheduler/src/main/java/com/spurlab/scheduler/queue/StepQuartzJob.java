package com.spurlab.scheduler.queue;

import com.spurlab.scheduler.step.StepRunner;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/** Quartz adapter: runs one experiment job by id, on this node, then lets the queue fill the freed slot. */
class StepQuartzJob implements Job {

    static final String JOB_ID = "jobId";

    private final StepRunner runner;
    private final QueueDispatcher dispatcher;

    StepQuartzJob(StepRunner runner, QueueDispatcher dispatcher) {
        this.runner = runner;
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long jobId = context.getMergedJobDataMap().getLong(JOB_ID);
        try {
            runner.run(jobId, context.isRecovering(), context.getScheduler().getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        } finally {
            dispatcher.wake();
        }
    }
}
