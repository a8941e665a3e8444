package com.spurlab.scheduler.queue;

import com.spurlab.core.dataset.DatasetUploaded;
import com.spurlab.core.experiment.ExperimentPlanned;
import com.spurlab.core.experiment.JobCancelRequested;
import com.spurlab.core.experiment.JobLifecycle;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns domain events into queued Quartz work once the transaction that caused them has committed
 * (a rolled-back upload queues nothing). REQUIRES_NEW: after commit, Quartz's writes need a
 * transaction of their own.
 */
@Component
class QueueListeners {

    private final JobQueue queue;
    private final JobLifecycle lifecycle;

    QueueListeners(JobQueue queue, JobLifecycle lifecycle) {
        this.queue = queue;
        this.lifecycle = lifecycle;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DatasetUploaded event) {
        queue.enqueueValidation(event.datasetVersionId());
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ExperimentPlanned event) {
        lifecycle.startable(event.experimentId()).forEach(queue::enqueueStep);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(JobCancelRequested event) {
        if (queue.removeStep(event.jobId())) {
            lifecycle.cancelled(event.jobId(), "cancelled while queued");
        }
        // else it is running: the step sees the request at its next batch.
    }

    /** Re-queues startable jobs whose queueing was lost (e.g. the process died right after commit). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void requeueOnStart() {
        lifecycle.allStartable().forEach(queue::enqueueStep);
    }
}
