package com.spurlab.ui;

import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.JobStatus;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.QueueEntry;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A job queue, live: running jobs, queued ones in the order they will start, then the latest
 * failed or cancelled ones — with progress, ETA, device and node, and cancel / retry buttons
 * (the service decides who may press them).
 */
class QueuePanel extends VerticalLayout implements ProjectView.Refreshable {

    private final Supplier<List<QueueEntry>> source;
    private final ExperimentService experiments;
    private final Clock clock;
    private final Grid<QueueEntry> grid = new Grid<>();
    private final Span summary = new Span();

    QueuePanel(Supplier<List<QueueEntry>> source, ExperimentService experiments, Clock clock, boolean showProject) {
        this.source = source;
        this.experiments = experiments;
        this.clock = clock;
        setPadding(false);
        summary.setId("queue-summary");
        grid.setId("queue");
        if (showProject) {
            grid.addColumn(QueueEntry::projectName).setHeader("Project").setAutoWidth(true);
        }
        grid.addColumn(QueueEntry::title).setHeader("Experiment").setFlexGrow(2);
        grid.addColumn(e -> (e.job().stepIndex() + 1) + ". " + e.job().type()).setHeader("Step").setAutoWidth(true);
        grid.addColumn(e -> e.job().status().name()).setHeader("Status").setAutoWidth(true)
                .setClassNameGenerator(e -> "queue-status");
        grid.addColumn(e -> e.job().priority()).setHeader("Priority").setAutoWidth(true);
        grid.addColumn(e -> e.job().device().name()).setHeader("Device").setAutoWidth(true);
        grid.addColumn(LitRenderer.<QueueEntry>of("<vaadin-progress-bar style='width: 8em' min='0' max='1' "
                + ".value=${item.progress}></vaadin-progress-bar>").withProperty("progress", e -> e.job().progress()))
                .setHeader("Progress").setAutoWidth(true);
        grid.addColumn(e -> eta(e.job())).setHeader("ETA").setAutoWidth(true);
        grid.addColumn(e -> e.job().node() == null ? "" : e.job().node()).setHeader("Node").setAutoWidth(true);
        grid.addColumn(e -> e.job().attempt() + 1).setHeader("Attempt").setAutoWidth(true);
        grid.addColumn(e -> e.job().message() == null ? "" : e.job().message()).setHeader("Message").setFlexGrow(3);
        // Lit buttons keyed by job id: a click still reaches its job when the grid has refreshed meanwhile.
        grid.addColumn(LitRenderer.<QueueEntry>of("""
                <vaadin-button theme="small error tertiary" class="queue-cancel" ?hidden=${!item.active}
                    @click=${cancel}>Cancel</vaadin-button>
                <vaadin-button theme="small tertiary" class="queue-retry" ?hidden=${!item.retryable}
                    @click=${retry}>Retry</vaadin-button>""")
                .withProperty("active", e -> !e.job().status().finished())
                .withProperty("retryable", e -> e.job().status() == JobStatus.FAILED
                        || e.job().status() == JobStatus.CANCELLED)
                .withFunction("cancel", e -> act(() -> experiments.cancel(e.job().id())))
                .withFunction("retry", e -> act(() -> experiments.retry(e.job().id()))))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(summary, grid);
        refresh();
    }

    @Override
    public void refresh() {
        List<QueueEntry> entries = Notifications.attempt(source::get);
        if (entries == null) {
            return;
        }
        grid.setItems(new ListDataProvider<>(entries) {
            @Override
            public Object getId(QueueEntry entry) {
                return entry.job().id();
            }
        });
        long running = entries.stream().filter(e -> e.job().status() == JobStatus.RUNNING).count();
        long queued = entries.stream().filter(e -> e.job().status() == JobStatus.QUEUED).count();
        summary.setText(running + " running · " + queued + " queued");
    }

    private String eta(JobView job) {
        Long seconds = job.etaSeconds(clock.instant());
        if (seconds == null) {
            return job.status() == JobStatus.QUEUED ? "waiting" : "";
        }
        Duration left = Duration.ofSeconds(seconds);
        return left.toMinutes() > 0 ? left.toMinutes() + " min " + left.toSecondsPart() + " s" : seconds + " s";
    }

    private void act(Supplier<JobView> action) {
        if (Notifications.attempt(action::get) != null) {
            refresh();
        }
    }
}
