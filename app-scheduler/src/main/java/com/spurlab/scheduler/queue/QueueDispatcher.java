package com.spurlab.scheduler.queue;

import com.spurlab.core.experiment.JobDispatch;
import com.spurlab.core.experiment.QueueNodes;
import com.spurlab.core.experiment.QueueSettings;
import com.spurlab.core.step.DeviceKind;
import com.spurlab.scheduler.step.NodeSlots;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves jobs from SpurLab's queue into Quartz as slots free up. Runs on every node: it wakes at once
 * when this node plans, cancels or finishes a job, and otherwise polls (other nodes' changes), so a
 * queued job starts well within a second of a slot freeing. Quartz only ever holds jobs that have a
 * slot; its thread pool must be at least the total number of slots.
 */
@Component
class QueueDispatcher {

    private static final Logger log = LoggerFactory.getLogger(QueueDispatcher.class);

    private final JobDispatch dispatch;
    private final JobQueue queue;
    private final QueueSettings settings;
    private final QueueNodes nodes;
    private final NodeSlots slots;
    private final TransactionTemplate transaction;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private String node;
    private long lastHeartbeat;

    QueueDispatcher(JobDispatch dispatch, JobQueue queue, QueueSettings settings, QueueNodes nodes, NodeSlots slots,
                    PlatformTransactionManager transactions) {
        this.dispatch = dispatch;
        this.queue = queue;
        this.settings = settings;
        this.nodes = nodes;
        this.slots = slots;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Something changed here (a job planned, finished, cancelled): look for free slots now. */
    void wake() {
        wake.release();
    }

    /** Hands every job that has a free slot to Quartz, in the same transaction that marks it dispatched. */
    int dispatchOnce() {
        List<JobDispatch.Dispatched> handed = transaction.execute(status -> {
            List<JobDispatch.Dispatched> claimed = dispatch.claim();
            claimed.forEach(job -> queue.enqueueStep(job.jobId(), job.dispatchCount()));
            return claimed;
        });
        if (handed == null || handed.isEmpty()) {
            return 0;
        }
        JobDispatch.Dispatched last = handed.get(handed.size() - 1);
        queue.wakeExecutor(last.jobId(), last.dispatchCount());
        return handed.size();
    }

    /** Tells the other nodes this one is alive, with its own slots (its GPUs as its engine detected them). */
    private void heartbeat() {
        long now = System.nanoTime();
        if (now - lastHeartbeat >= settings.heartbeat().toNanos()) {
            nodes.heartbeat(node, slots.limit(DeviceKind.CPU), slots.limit(DeviceKind.GPU), slots.gpuNames());
            lastHeartbeat = now;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        node = queue.nodeId();
        lastHeartbeat = System.nanoTime() - settings.heartbeat().toNanos();
        heartbeat();
        thread = new Thread(this::loop, "queue-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                nodes.leave(node);
            } catch (RuntimeException e) {
                log.debug("could not take this node out of the queue's capacity: {}", e.getMessage());
            }
        }
    }

    private void loop() {
        long pollMillis = Math.max(10, settings.pollInterval().toMillis());
        while (running) {
            try {
                heartbeat();
                dispatchOnce();
                if (wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("dispatching queued jobs failed; trying again", e);
                    sleepQuietly(pollMillis);
                }
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
