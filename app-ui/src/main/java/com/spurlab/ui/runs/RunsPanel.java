package com.spurlab.ui.runs;

import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.results.EvaluatedRun;
import com.spurlab.core.results.RunColumn;
import com.spurlab.core.results.RunFilter;
import com.spurlab.core.results.RunReports;
import com.spurlab.core.results.RunSort;
import com.spurlab.core.results.RunTable;
import com.spurlab.ui.ExperimentForm;
import com.spurlab.ui.Labels;
import com.spurlab.ui.Notifications;
import com.spurlab.ui.ProjectView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every evaluated run of a project with its parameters and figures as columns: sort by any figure, filter by
 * method, dataset version or words, select two to five runs to compare, clone one run's plan to edit and run
 * again (leads). The grid is lazy: each page comes from {@link RunTable}, which reads a project's runs in a
 * fixed number of queries.
 */
class RunsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final long projectId;
    private final RunTable table;
    private final RunReports reports;
    private final Supplier<ExperimentForm> planForm;
    private final Grid<EvaluatedRun> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> method = new ComboBox<>("Method");
    private final ComboBox<String> dataset = new ComboBox<>("Dataset version");
    private final Button compare = new Button("Compare");
    private final Button clone = new Button("Clone and edit", VaadinIcon.COPY.create());
    private final Span shown = new Span();
    private final Div comparison = new Div();
    private java.util.Map<String, Long> datasetIds = java.util.Map.of();
    private long known = -1;

    /** @param planForm a fresh experiment form, or null when the caller may not plan (executives) */
    RunsPanel(long projectId, RunTable table, RunReports reports, Supplier<ExperimentForm> planForm) {
        this.projectId = projectId;
        this.table = table;
        this.reports = reports;
        this.planForm = planForm;
        setPadding(false);
        search.setId("runs-search");
        search.setLabel("Search");
        search.setPlaceholder("experiment, method, group…");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> reload());
        method.setId("runs-method");
        method.setClearButtonVisible(true);
        method.setItemLabelGenerator(Labels::choice);
        method.addValueChangeListener(e -> reload());
        dataset.setId("runs-dataset");
        dataset.setClearButtonVisible(true);
        dataset.addValueChangeListener(e -> reload());
        compare.setId("runs-compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> showComparison());
        clone.setId("runs-clone");
        clone.addClickListener(e -> cloneSelected());
        clone.setVisible(planForm != null);
        shown.setId("runs-count");
        shown.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        HorizontalLayout filters = new HorizontalLayout(search, method, dataset, compare, clone);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        comparison.setId("comparison");
        comparison.setWidthFull();
        configureGrid();
        add(filters, shown, grid, comparison);
        refresh();
    }

    private void configureGrid() {
        grid.setId("runs");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND);
        grid.addComponentColumn(r -> {
            RouterLink link = new RouterLink("#" + r.evaluationRunId(), RunView.class,
                    new com.vaadin.flow.router.RouteParameters("runId", String.valueOf(r.evaluationRunId())));
            link.addClassName("run-link");
            return link;
        }).setHeader("Run").setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        column(EvaluatedRun::experiment, "Experiment", RunColumn.EXPERIMENT).setFlexGrow(2);
        column(r -> Labels.choice(r.method()), "Method", RunColumn.METHOD);
        column(r -> Labels.choice(r.model()), "Model", RunColumn.MODEL);
        column(r -> r.epochs() == null ? "—" : String.valueOf(r.epochs()), "Epochs", RunColumn.EPOCHS);
        grid.addColumn(r -> r.groupBy().isEmpty() ? "label" : String.join(", ", r.groupBy())).setHeader("Group by")
                .setAutoWidth(true);
        column(EvaluatedRun::dataset, "Dataset", RunColumn.DATASET);
        column(r -> Labels.percent(r.testAccuracy()), "Test accuracy", RunColumn.TEST_ACCURACY);
        column(r -> r.test() == null ? "—" : Labels.percentWithInterval(r.test().worstGroupAccuracy(),
                r.test().worstGroupCiLow(), r.test().worstGroupCiHigh()), "Test worst-group (95 % CI)",
                RunColumn.TEST_WORST_GROUP).setClassNameGenerator(r -> "run-test-wga");
        grid.addColumn(r -> r.test() == null ? "" : Labels.group(r.test().worstGroup())).setHeader("Worst group")
                .setAutoWidth(true);
        column(r -> Labels.percent(r.valWorstGroupAccuracy()), "Val worst-group", RunColumn.VAL_WORST_GROUP);
        column(r -> Labels.percent(r.testGap()), "Gap", RunColumn.GAP);
        column(r -> WHEN.format(r.createdAt()), "Evaluated", RunColumn.CREATED);
        grid.setItems(query -> table.find(projectId, filter(), sorts(query.getSortOrders()), query.getOffset(),
                query.getLimit()).stream(), query -> table.count(projectId, filter()));
        grid.addSelectionListener(e -> updateButtons());
        updateButtons();
    }

    private Grid.Column<EvaluatedRun> column(Function<EvaluatedRun, String> value, String header, RunColumn sort) {
        return grid.addColumn(value::apply).setHeader(header).setSortProperty(sort.name()).setSortable(true)
                .setAutoWidth(true);
    }

    private static List<RunSort> sorts(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return orders.stream().map(o -> new RunSort(RunColumn.valueOf(o.getSorted()),
                o.getDirection() == SortDirection.DESCENDING)).toList();
    }

    private RunFilter filter() {
        return new RunFilter(search.getValue(), method.getValue(), datasetId(dataset.getValue()));
    }

    private Long datasetId(String label) {
        return label == null ? null : datasetIds.get(label);
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
        shown.setText(table.count(projectId, filter()) + " of " + known + " evaluated runs");
    }

    private void updateButtons() {
        int n = grid.getSelectedItems().size();
        compare.setText(n >= 2 ? "Compare " + n + " runs" : "Compare");
        compare.setEnabled(n >= 2 && n <= RunReports.MAX_COMPARED);
        compare.setTooltipText("select 2 to " + RunReports.MAX_COMPARED + " runs (the boxes on the left)");
        clone.setEnabled(n == 1);
        clone.setTooltipText("select one run to plan it again with changes");
    }

    /** Re-reads the rows only when runs were added (one cheap count per poll). */
    @Override
    public void refresh() {
        long size = table.size(projectId);
        if (size == known) {
            return;
        }
        known = size;
        List<EvaluatedRun> all = table.runs(projectId);
        method.setItems(all.stream().map(EvaluatedRun::method).filter(java.util.Objects::nonNull).distinct().sorted()
                .toList());
        datasetIds = new java.util.LinkedHashMap<>();
        all.forEach(r -> datasetIds.putIfAbsent(r.dataset(), r.datasetVersionId()));
        dataset.setItems(List.copyOf(datasetIds.keySet()));
        // A few runs show whole; many scroll inside the grid, which fetches them a page at a time.
        boolean few = size <= 12;
        grid.setAllRowsVisible(few);
        grid.setHeight(few ? null : "32em");
        reload();
    }

    private void showComparison() {
        List<Long> ids = grid.getSelectedItems().stream().map(EvaluatedRun::evaluationRunId).sorted().toList();
        var compared = Notifications.attempt(() -> reports.compare(projectId, ids));
        comparison.removeAll();
        if (compared != null) {
            comparison.add(new RunComparisonPanel(compared));
            comparison.scrollIntoView();
        }
    }

    /** Opens the plan of the selected run in the experiment form, to change and run again. */
    private void cloneSelected() {
        EvaluatedRun run = grid.getSelectedItems().stream().findFirst().orElse(null);
        if (run == null || planForm == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Plan again: run #" + run.evaluationRunId() + " (" + Labels.choice(run.method()) + ")");
        dialog.setId("clone-dialog");
        dialog.setWidth("min(64em, 96vw)");
        ExperimentForm form = planForm.get();
        form.setOnPlanned(planned -> dialog.close());
        form.prefill(run.datasetVersionId(), "Copy of " + run.experiment(), List.of(
                new StepSpec("TRAIN", run.trainingParameters()), new StepSpec("EVALUATE", run.evaluationParameters())));
        dialog.add(form);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
