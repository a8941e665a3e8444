package com.spurlab.ui.dashboard;

import com.spurlab.core.experiment.JobFinished;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open dashboards to check for changes, and they push what changed (Vaadin server push): at once when a job of
 * this node finishes, and every {@code spurlab.dashboard.check-every} (3 s) for what other nodes or other people did.
 * A check is one query per open dashboard ({@code PilotDashboard.changeMark}); the dashboard is re-read only when the
 * mark moved. The browser does not poll.
 */
@Component
class DashboardUpdates implements DisposableBean {

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-updates");
        t.setDaemon(true);
        return t;
    });

    DashboardUpdates(@Value("${spurlab.dashboard.check-every:3s}") Duration every) {
        timer.scheduleWithFixedDelay(this::checkAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Watch(UI ui, Runnable check) {
    }

    /** Runs {@code check} in the UI's session (with its user) whenever something may have changed, until removed. */
    Registration watch(UI ui, Runnable check) {
        Watch watch = new Watch(ui, check);
        watches.add(watch);
        return () -> watches.remove(watch);
    }

    /** After the finishing transaction commits, so the check sees the job's results. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(JobFinished event) {
        timer.execute(this::checkAll);
    }

    private void checkAll() {
        for (Watch watch : watches) {
            if (!watch.ui().isAttached()) {
                watches.remove(watch);
                continue;
            }
            try {
                watch.ui().access(watch.check()::run);
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                watches.remove(watch);
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
