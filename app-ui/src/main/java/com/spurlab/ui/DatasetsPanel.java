package com.spurlab.ui;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.ValidationReport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.Locale;

/** Upload a dataset archive and follow its validation; read a version's report and composition. */
class DatasetsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final DatasetService datasets;
    private final Grid<DatasetVersionView> grid = new Grid<>();
    private final Div details = new Div();
    private volatile String datasetName = "dataset";
    private Long selected;

    DatasetsPanel(long projectId, DatasetService datasets) {
        this.projectId = projectId;
        this.datasets = datasets;
        setPadding(false);
        TextField name = new TextField("Dataset name");
        name.setId("dataset-name");
        name.setValue(datasetName);
        name.addValueChangeListener(e -> datasetName = e.getValue());
        Upload upload = new Upload(uploadHandler());
        upload.setId("dataset-upload");
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFiles(1);
        HorizontalLayout form = new HorizontalLayout(name, upload);
        form.setAlignItems(Alignment.END);
        add(new Span("Upload a SpurLab manifest zip (manifest.csv: image,label,split[,caption][,mask][,attr:NAME…])."),
                form);

        grid.setId("datasets");
        grid.addColumn(DatasetVersionView::label).setHeader("Version").setAutoWidth(true);
        grid.addColumn(v -> v.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::samples).setHeader("Samples").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::uploadedBy).setHeader("Uploaded by").setAutoWidth(true);
        grid.addColumn(v -> v.createdAt().toString().replace('T', ' ').substring(0, 19)).setHeader("Uploaded");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> {
            selected = e.getFirstSelectedItem().map(DatasetVersionView::id).orElse(null);
            showDetails(e.getFirstSelectedItem().orElse(null));
        });
        add(grid, details);
        refresh();
    }

    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            String name = datasetName;
            try (InputStream in = event.getInputStream()) {
                DatasetVersionView version = datasets.upload(projectId, name, event.getFileName(), in);
                ui.access(() -> {
                    Notifications.success("Uploaded " + version.label() + "; validating…");
                    refresh();
                });
            } catch (RuntimeException e) {
                ui.access(() -> Notifications.error(e.getMessage()));
            }
        };
    }

    @Override
    public void refresh() {
        var versions = datasets.list(projectId);
        grid.setItems(versions);
        if (selected != null) {
            versions.stream().filter(v -> v.id() == selected).findFirst().ifPresent(v -> {
                grid.select(v);
                showDetails(v);
            });
        }
    }

    private void showDetails(DatasetVersionView v) {
        details.removeAll();
        if (v == null) {
            return;
        }
        details.add(new H3(v.label() + " — " + v.status()));
        ValidationReport report = v.report();
        if (report != null) {
            details.add(new Span(String.format(Locale.ROOT, "Format %s: %d of %d rows accepted.", report.format(),
                    report.accepted(), report.rows())));
            if (!report.problems().isEmpty()) {
                Grid<ValidationReport.Problem> problems = new Grid<>();
                problems.setId("validation-problems");
                problems.addColumn(p -> p.severity().name()).setHeader("Severity").setAutoWidth(true);
                problems.addColumn(ValidationReport.Problem::problem).setHeader("Problem").setFlexGrow(3);
                problems.addColumn(p -> p.file() == null ? "" : p.file()).setHeader("First file");
                problems.addColumn(p -> p.line() == null ? "" : String.valueOf(p.line())).setHeader("Line");
                problems.addColumn(ValidationReport.Problem::count).setHeader("Rows");
                problems.setItems(report.problems());
                problems.setAllRowsVisible(true);
                details.add(problems);
            }
        }
        Composition composition = v.composition();
        if (composition != null) {
            details.add(new CompositionTable(composition));
        }
    }
}
