package com.spurlab.ui;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetDeletion;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.ValidationReport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Upload a dataset archive (the upload shows its transfer progress, the grid the validation's) and
 * read a version: report, composition heat maps, a gallery per group, deletion (leads), and a
 * comparison of two versions.
 */
class DatasetsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final DatasetService datasets;
    private final DatasetSamples samples;
    private final DatasetDeletion deletion;
    private final boolean canDelete;
    private final Grid<DatasetVersionView> grid = new Grid<>();
    private final Div details = new Div();
    private final Div gallery = new Div();
    private final VersionComparison comparison;
    private volatile String datasetName = "dataset";
    private Long selected;
    private DatasetVersionView shown;
    private List<DatasetVersionView> versions = List.of();

    DatasetsPanel(long projectId, DatasetService datasets, DatasetSamples samples, DatasetDeletion deletion,
                  boolean canDelete) {
        this.projectId = projectId;
        this.datasets = datasets;
        this.samples = samples;
        this.deletion = deletion;
        this.canDelete = canDelete;
        this.comparison = new VersionComparison(samples);
        setPadding(false);
        TextField name = new TextField("Dataset name");
        name.setId("dataset-name");
        name.setValue(datasetName);
        name.addValueChangeListener(e -> datasetName = e.getValue());
        Upload upload = new Upload(uploadHandler());
        upload.setId("dataset-upload");
        upload.setAcceptedFileTypes(".zip", ".tar", ".gz", ".tgz", "application/zip", "application/x-tar",
                "application/gzip");
        upload.setMaxFiles(1);
        HorizontalLayout form = new HorizontalLayout(name, upload);
        form.setAlignItems(Alignment.END);
        add(new Span("Upload a zip, tar or tar.gz holding a SpurLab manifest.csv (image,label,split[,caption][,mask]"
                + "[,attr:NAME…]), a WILDS/Waterbirds metadata.csv (img_filename,y,split[,place]) or image folders "
                + "train|val|test/<label>/<image>. Uploading the same name again makes the next version."), form);

        grid.setId("datasets");
        grid.addColumn(DatasetVersionView::label).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(DatasetsPanel::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(v -> v.format() == null ? "" : v.format()).setHeader("Format").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::samples).setHeader("Samples").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::uploadedBy).setHeader("Uploaded by").setAutoWidth(true);
        grid.addColumn(v -> v.createdAt().toString().replace('T', ' ').substring(0, 19)).setHeader("Uploaded");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> {
            // Each poll replaces the items, which clears the selection; only a person's click changes it.
            if (!e.isFromClient()) {
                return;
            }
            selected = e.getFirstSelectedItem().map(DatasetVersionView::id).orElse(null);
            showDetails(e.getFirstSelectedItem().orElse(null));
        });
        add(grid, details, gallery, comparison);
        refresh();
    }

    /** READY/REJECTED as text; while validating, a bar with the share done. */
    private static com.vaadin.flow.component.Component status(DatasetVersionView v) {
        if (v.status() != DatasetStatus.VALIDATING) {
            return new Span(v.status().name());
        }
        ProgressBar bar = new ProgressBar(0, 1, v.progress());
        bar.setWidth("8em");
        bar.addClassName("validation-progress");
        Span text = new Span(String.format(Locale.ROOT, "VALIDATING %d %%", Math.round(v.progress() * 100)));
        return new VerticalLayout(text, bar) {{
                setPadding(false);
                setSpacing(false);
            }};
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
        versions = datasets.list(projectId);
        grid.setItems(versions);
        comparison.setVersions(versions);
        if (selected != null) {
            DatasetVersionView now = versions.stream().filter(v -> v.id() == selected).findFirst().orElse(null);
            if (now != null) {
                grid.select(now);
            }
            // Re-render only on change, so an open gallery is not reloaded every poll.
            if (!Objects.equals(now, shown)) {
                showDetails(now);
            }
        }
    }

    private void showDetails(DatasetVersionView v) {
        if (Objects.equals(v, shown)) {
            return;
        }
        shown = v;
        details.removeAll();
        gallery.removeAll();
        if (v == null) {
            return;
        }
        HorizontalLayout title = new HorizontalLayout(new H3(v.label() + " — " + v.status()));
        title.setAlignItems(Alignment.BASELINE);
        List<DatasetVersionView> children = versions.stream().filter(d -> d.derivedFrom() != null
                && d.derivedFrom().datasetVersionId() == v.id()).toList();
        String kept = lineage(v, children);
        if (canDelete && v.status() != DatasetStatus.VALIDATING) {
            Button delete = new Button("Delete version", e -> confirmDelete(v));
            delete.setId("delete-version");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            // The service refuses these too; the button says why before anyone tries.
            delete.setEnabled(kept == null);
            if (kept != null) {
                delete.getElement().setAttribute("title", kept);
            }
            title.add(delete);
        }
        details.add(title);
        if (kept != null) {
            Span note = new Span(kept);
            note.setId("version-lineage");
            details.add(note);
        }
        ValidationReport report = v.report();
        if (report != null) {
            details.add(new Span(String.format(Locale.ROOT, "Detected format %s in a %s archive: %d of %d rows accepted.",
                    report.format() == null ? "unknown" : report.format(),
                    report.archive() == null ? "unreadable" : report.archive(), report.accepted(), report.rows())));
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
            details.add(new CompositionTable(composition, (split, label, attribute, value) -> {
                gallery.removeAll();
                gallery.add(new SampleGallery(samples, v.id(), split, label, attribute, value));
            }));
            if (composition.byAttribute().isEmpty() && v.status() == DatasetStatus.READY) {
                composition.labels().forEach(label -> {
                    Button show = new Button("Samples of " + label, e -> {
                        gallery.removeAll();
                        gallery.add(new SampleGallery(samples, v.id(), "train", label, null, null));
                    });
                    show.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    details.add(show);
                });
            }
        }
    }

    /** Why a version is kept because of its lineage, or null when it is neither derived nor a source. */
    private String lineage(DatasetVersionView v, List<DatasetVersionView> children) {
        if (v.derived()) {
            String source = versions.stream().filter(s -> s.id() == v.derivedFrom().datasetVersionId()).findFirst()
                    .map(DatasetVersionView::label).orElse("version " + v.derivedFrom().datasetVersionId());
            return "Derived by " + v.derivedFrom().step() + " (job " + v.derivedFrom().jobId() + ") from " + source
                    + ": it shares the source's unchanged images instead of copying them, so it cannot be deleted on"
                    + " its own.";
        }
        if (!children.isEmpty()) {
            return "Source of " + children.stream().map(DatasetVersionView::label).collect(Collectors.joining(", "))
                    + ", which share its images: it cannot be deleted while they exist.";
        }
        return null;
    }

    private void confirmDelete(DatasetVersionView v) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + v.label() + "?");
        dialog.add(new Span("Its samples go; images that other versions also hold are kept. This cannot be undone."));
        Button confirm = new Button("Delete", e -> {
            dialog.close();
            Integer freed = Notifications.attempt(() -> deletion.delete(v.id()));
            if (freed != null) {
                Notifications.success("Deleted " + v.label() + "; " + freed + " images no other version used were removed.");
                selected = null;
                showDetails(null);
                refresh();
            }
        });
        confirm.setId("confirm-delete");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
