package com.spurlab.scheduler.queue;

import com.spurlab.scheduler.step.StepRunner;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz adapter: runs one experiment job by id. */
class StepQuartzJob implements Job {

    static final String JOB_ID = "jobId";

    private final StepRunner runner;
    private final JobQueue queue;

    StepQuartzJob(StepRunner runner, JobQueue queue) {
        this.runner = runner;
        this.queue = queue;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long jobId = context.getMergedJobDataMap().getLong(JOB_ID);
        runner.run(jobId, context.isRecovering()).forEach(queue::enqueueStep);
    }
}
