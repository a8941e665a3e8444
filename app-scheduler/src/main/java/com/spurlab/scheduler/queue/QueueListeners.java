package com.spurlab.scheduler.queue;

import com.spurlab.core.experiment.ExperimentPlanned;
import com.spurlab.core.experiment.JobCancelRequested;
import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.core.experiment.JobsQueued;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the dispatcher once the transaction that queued jobs has committed, and withdraws a cancelled job
 * from Quartz. REQUIRES_NEW: after commit, Quartz's writes need a transaction of their own. Jobs reach
 * Quartz only through the {@link QueueDispatcher}.
 */
@Component
class QueueListeners {

    private final JobQueue queue;
    private final JobLifecycle lifecycle;
    private final QueueDispatcher dispatcher;

    QueueListeners(JobQueue queue, JobLifecycle lifecycle, QueueDispatcher dispatcher) {
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.dispatcher = dispatcher;
    }

    @TransactionalEventListener
    void on(ExperimentPlanned event) {
        dispatcher.wake();
    }

    @TransactionalEventListener
    void on(JobsQueued event) {
        dispatcher.wake();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(JobCancelRequested event) {
        // Quartz would also delete a job that is executing, so only a job that has not started is withdrawn;
        // a running one sees the request at its next batch, one that starts meanwhile refuses to start.
        if (lifecycle.queued(event.jobId()) && queue.removeStep(event.jobId(), lifecycle.dispatchCount(event.jobId()))) {
            lifecycle.cancelled(event.jobId(), "cancelled while queued");
            dispatcher.wake();
        }
    }
}
