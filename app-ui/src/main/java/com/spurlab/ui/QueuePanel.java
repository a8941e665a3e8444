package com.spurlab.ui;

import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.JobStatus;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.QueueEntry;
import com.spurlab.ui.runs.JobRecord;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A job queue, live: running jobs, queued ones in the order they will start, then the latest finished
 * ones — each with its project, progress in per cent, ETA, device and node, its log console, and cancel /
 * retry buttons (the service decides who may press them). Cells wrap instead of cutting text off, and the
 * buttons stay in view at any width.
 */
class QueuePanel extends VerticalLayout implements ProjectView.Refreshable {

    private final Supplier<List<QueueEntry>> source;
    private final ExperimentService experiments;
    private final Clock clock;
    private final boolean showProject;
    private final Grid<QueueEntry> grid = new Grid<>();
    private final Span summary = new Span();

    QueuePanel(Supplier<List<QueueEntry>> source, ExperimentService experiments, Clock clock, boolean showProject) {
        this.source = source;
        this.experiments = experiments;
        this.clock = clock;
        this.showProject = showProject;
        setPadding(false);
        summary.setId("queue-summary");
        grid.setId("queue");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<QueueEntry>of("""
                <div class="font-semibold">${item.title}</div>
                <div class="text-s text-secondary">${item.step}</div>""")
                .withProperty("title", QueueEntry::title)
                .withProperty("step", this::stepText))
                .setHeader("Job").setFlexGrow(3).setWidth("12em");
        grid.addColumn(LitRenderer.<QueueEntry>of("""
                <span class="queue-status" theme="badge ${item.badge}">${item.status}</span>
                <span class="text-s">${item.percent}</span>
                <vaadin-progress-bar style="min-width: 5em" .value=${item.progress}></vaadin-progress-bar>""")
                .withProperty("status", e -> e.job().status().name())
                .withProperty("badge", e -> badge(e.job().status()))
                .withProperty("percent", e -> String.format(Locale.ROOT, "%d %%", Math.round(100 * e.job().progress())))
                .withProperty("progress", e -> e.job().progress()))
                .setHeader("Status").setFlexGrow(1).setWidth("9em");
        grid.addColumn(e -> details(e.job())).setHeader("Where and when").setFlexGrow(2).setWidth("10em");
        grid.addColumn(e -> e.job().message() == null ? "" : e.job().message()).setHeader("Message").setFlexGrow(4)
                .setWidth("12em");
        // Lit buttons keyed by job id: a click still reaches its job when the grid has refreshed meanwhile.
        grid.addColumn(LitRenderer.<QueueEntry>of("""
                <vaadin-button theme="small error tertiary" class="queue-cancel" ?hidden=${!item.active}
                    @click=${cancel}>Cancel</vaadin-button>
                <vaadin-button theme="small tertiary" class="queue-retry" ?hidden=${!item.retryable}
                    @click=${retry}>Retry</vaadin-button>
                <vaadin-button theme="small tertiary" class="queue-log" @click=${log}>Log</vaadin-button>""")
                .withProperty("active", e -> !e.job().status().finished())
                .withProperty("retryable", e -> e.job().experimentId() != null
                        && (e.job().status() == JobStatus.FAILED || e.job().status() == JobStatus.CANCELLED))
                .withFunction("cancel", e -> act(() -> experiments.cancel(e.job().id())))
                .withFunction("retry", e -> act(() -> experiments.retry(e.job().id())))
                .withFunction("log", e -> openLog(e)))
                .setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
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
        long finished = entries.size() - running - queued;
        summary.setText(running + " running · " + queued + " queued · " + finished + " recently finished");
    }

    private String stepText(QueueEntry e) {
        String step = e.job().experimentId() == null ? e.job().type().toLowerCase(Locale.ROOT)
                : "step " + (e.job().stepIndex() + 1) + " · " + e.job().type();
        return showProject ? step + " · " + (e.projectName() == null ? "project " + e.projectId() : e.projectName())
                : step;
    }

    private String details(JobView job) {
        List<String> parts = new ArrayList<>();
        parts.add("priority " + job.priority());
        parts.add(job.device().name().toLowerCase(Locale.ROOT));
        if (job.node() != null) {
            parts.add(job.node());
        }
        if (job.attempt() > 0) {
            parts.add("attempt " + (job.attempt() + 1));
        }
        String eta = eta(job);
        if (!eta.isEmpty()) {
            parts.add(eta);
        }
        return String.join(" · ", parts);
    }

    private static String badge(JobStatus status) {
        return switch (status) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            case RUNNING -> "";
            default -> "contrast";
        };
    }

    private String eta(JobView job) {
        Long seconds = job.etaSeconds(clock.instant());
        if (seconds == null) {
            return job.status() == JobStatus.QUEUED ? "waiting" : "";
        }
        Duration left = Duration.ofSeconds(seconds);
        return "ETA " + (left.toMinutes() > 0 ? left.toMinutes() + " min " + left.toSecondsPart() + " s" : seconds + " s");
    }

    private void act(Supplier<JobView> action) {
        if (Notifications.attempt(action::get) != null) {
            refresh();
        }
    }

    /** A console with the job's persisted log, following it while open. */
    private void openLog(QueueEntry entry) {
        long jobId = entry.job().id();
        Pre text = new Pre();
        text.setId("job-log");
        text.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.SMALL,
                LumoUtility.Margin.NONE);
        text.getStyle().set("white-space", "pre-wrap");
        Runnable read = () -> {
            var lines = Notifications.attempt(() -> experiments.log(jobId));
            if (lines != null) {
                text.setText(JobRecord.format(lines));
            }
        };
        read.run();
        Dialog dialog = new Dialog(text);
        dialog.setHeaderTitle("Log of job " + jobId + " — " + entry.title());
        dialog.setWidth("min(60em, 96vw)");
        dialog.setMaxHeight("80vh");
        UI ui = UI.getCurrent();
        Registration follow = ui.addPollListener(e -> read.run());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                follow.remove();
            }
        });
        Button close = new Button("Close", e -> dialog.close());
        close.setId("job-log-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
