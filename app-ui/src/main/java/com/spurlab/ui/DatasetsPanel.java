package com.spurlab.ui;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetDeletion;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Upload dataset archives, one after the other without reloading (the upload shows its transfer, the grid the
 * validation's progress, a notice says when validation ended), and read a version: its report in full,
 * composition heat maps, a gallery per group, deletion (leads), and a comparison of two versions.
 */
class DatasetsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final DatasetService datasets;
    private final DatasetSamples samples;
    private final DatasetDeletion deletion;
    private final boolean canDelete;
    private final LongFunction<Optional<Long>> runOfJob;
    /** The versions the grid shows; null until the first refresh. */
    private List<DatasetVersionView> versions;
    private final Grid<DatasetVersionView> grid = new Grid<>();
    private final Div details = new Div();
    private final Div gallery = new Div();
    private final VersionComparison comparison;
    private final TextField name = new TextField("Dataset name");
    private final Map<Long, DatasetStatus> lastStatus = new HashMap<>();
    private volatile String datasetName = "dataset";
    private Long selected;
    private DatasetVersionView shown;

    /** @param runOfJob the run a job recorded, for a derived version's provenance */
    DatasetsPanel(long projectId, DatasetService datasets, DatasetSamples samples, DatasetDeletion deletion,
                  boolean canDelete, LongFunction<Optional<Long>> runOfJob) {
        this.projectId = projectId;
        this.runOfJob = runOfJob;
        this.datasets = datasets;
        this.samples = samples;
        this.deletion = deletion;
        this.canDelete = canDelete;
        this.comparison = new VersionComparison(samples);
        setPadding(false);
        name.setId("dataset-name");
        name.setHelperText("the same name again makes its next version");
        name.addValueChangeListener(e -> datasetName = e.getValue());
        Upload upload = new Upload(uploadHandler());
        upload.setId("dataset-upload");
        upload.setAcceptedFileTypes(".zip", ".tar", ".gz", ".tgz", "application/zip", "application/x-tar",
                "application/gzip");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Drop one archive here"));
        // The component refuses files itself (too many, wrong type, too large): say so instead of nothing.
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage() + ": " + e.getFileName()));
        upload.addFailedListener(e -> Notifications.error("The upload of " + e.getFileName() + " failed: "
                + (e.getReason() == null ? "the connection broke" : e.getReason().getMessage())));
        HorizontalLayout form = new HorizontalLayout(name, upload);
        form.setAlignItems(Alignment.END);
        form.setWrap(true);
        Paragraph formats = new Paragraph("Upload a zip, tar or tar.gz holding a SpurLab manifest.csv (image,label,"
                + "split[,caption][,mask][,attr:NAME…]), a WILDS/Waterbirds metadata.csv (img_filename,y,split[,place]; "
                + "optional classes.txt or label_names.csv name the y values) or image folders "
                + "train|val|test/<label>/<image>.");
        formats.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(formats, form);

        grid.setId("datasets");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(DatasetVersionView::label).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(DatasetsPanel::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(v -> v.format() == null ? "" : v.format()).setHeader("Format").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::samples).setHeader("Images").setAutoWidth(true);
        grid.addColumn(DatasetVersionView::uploadedBy).setHeader("Uploaded by").setAutoWidth(true);
        grid.addColumn(v -> v.createdAt().toString().replace('T', ' ').substring(0, 19)).setHeader("Uploaded")
                .setAutoWidth(true);
        grid.addColumn(this::provenance).setHeader("Provenance").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> {
            // Each poll replaces the items, which clears the selection; only a person's click changes it.
            if (!e.isFromClient()) {
                return;
            }
            selected = e.getFirstSelectedItem().map(DatasetVersionView::id).orElse(null);
            showDetails(e.getFirstSelectedItem().orElse(null));
        });
        details.setWidthFull();
        gallery.setWidthFull();
        add(grid, details, gallery, comparison);
        List<DatasetVersionView> versions = datasets.list(projectId);
        // The name of the latest upload: the next one is most often its next version.
        datasetName = versions.isEmpty() ? "dataset" : versions.get(0).name();
        name.setValue(datasetName);
        refresh();
    }

    /** READY/REJECTED as text; while validating, a bar with the share done. */
    private static com.vaadin.flow.component.Component status(DatasetVersionView v) {
        if (v.status() != DatasetStatus.VALIDATING) {
            Span text = new Span(v.status().name());
            text.getElement().getThemeList().add(v.status() == DatasetStatus.READY ? "badge success" : "badge error");
            return text;
        }
        ProgressBar bar = new ProgressBar(0, 1, v.progress());
        bar.setWidth("8em");
        bar.addClassName("validation-progress");
        Span text = new Span(String.format(Locale.ROOT, "VALIDATING %d %%", Math.round(v.progress() * 100)));
        VerticalLayout cell = new VerticalLayout(text, bar);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            String chosenName = datasetName;
            try (InputStream in = event.getInputStream()) {
                DatasetVersionView version = datasets.upload(projectId, chosenName, event.getFileName(), in);
                ui.access(() -> {
                    Notifications.success("Uploaded " + version.label() + "; validating…");
                    // Ready for the next archive at once, without reloading the page.
                    ((Upload) event.getOwningComponent()).clearFileList();
                    refresh();
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    Notifications.error(e.getMessage());
                    ((Upload) event.getOwningComponent()).clearFileList();
                });
            }
        };
    }

    @Override
    public void refresh() {
        List<DatasetVersionView> listed = datasets.list(projectId);
        announceFinished(listed);
        // Items are replaced only when a version changed: replacing them gives the rows new keys, so a person's click
        // that crosses a replacement can be lost, and a 1 s poll replaced them every second.
        if (listed.equals(versions)) {
            return;
        }
        versions = listed;
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

    /** A notice for each version whose validation ended since the last look, with a way to its report. */
    private void announceFinished(List<DatasetVersionView> versions) {
        for (DatasetVersionView v : versions) {
            DatasetStatus before = lastStatus.put(v.id(), v.status());
            if (before == DatasetStatus.VALIDATING && v.status() != DatasetStatus.VALIDATING) {
                boolean ready = v.status() == DatasetStatus.READY;
                Span text = new Span(ready ? v.label() + " is READY: " + v.samples() + " images."
                        : v.label() + " was REJECTED: the report says what to fix.");
                Button open = new Button(ready ? "Open" : "Read the report", e -> {
                    selected = v.id();
                    grid.select(v);
                    showDetails(v);
                });
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                Notification notice = new Notification(new HorizontalLayout(text, open));
                notice.setId("validation-notice");
                notice.setDuration(10_000);
                notice.setPosition(Notification.Position.TOP_CENTER);
                notice.addThemeVariants(ready ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
                open.addClickListener(e -> notice.close());
                notice.open();
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
        title.setWrap(true);
        String kept = lineage(v);
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
        if (v.report() != null) {
            details.add(new ValidationReportView(v));
        }
        Composition composition = v.composition();
        if (composition != null && v.status() == DatasetStatus.READY) {
            Map<String, Map<String, Integer>> labelCounts = composition.byAttribute().isEmpty()
                    ? samples.labelCounts(v.id()) : Map.of();
            details.add(new CompositionCharts(composition, labelCounts, (split, label, attribute, value) -> {
                gallery.removeAll();
                gallery.add(new SampleGallery(samples, v.id(), split, label, attribute, value));
                gallery.scrollIntoView();
            }));
        }
    }

    /** Why a version is kept because of its lineage, or null when it is neither derived nor a source. */
    private String lineage(DatasetVersionView v) {
        if (v.derived()) {
            return "Derived by " + v.derivedFrom().step() + " from " + versions.stream()
                    .filter(s -> s.id() == v.derivedFrom().datasetVersionId()).map(DatasetVersionView::label)
                    .findFirst().orElse("version " + v.derivedFrom().datasetVersionId()) + ": it shares the source's"
                    + " unchanged images instead of copying them, so it cannot be deleted on its own.";
        }
        List<String> children = versions.stream().filter(d -> d.derivedFrom() != null
                && d.derivedFrom().datasetVersionId() == v.id()).map(DatasetVersionView::label).toList();
        return children.isEmpty() ? null : "Source of " + String.join(", ", children) + ", which share its images:"
                + " it cannot be deleted while they exist.";
    }

    /** "derived from shoes v1 by EDIT (run 12)" for a derived version; empty for an upload. */
    private String provenance(DatasetVersionView v) {
        if (v.derivedFrom() == null) {
            return "";
        }
        long sourceId = v.derivedFrom().datasetVersionId();
        String source = versions.stream().filter(s -> s.id() == sourceId).map(DatasetVersionView::label).findFirst()
                .orElse("version " + sourceId);
        String run = runOfJob.apply(v.derivedFrom().jobId()).map(id -> "run " + id)
                .orElse("job " + v.derivedFrom().jobId());
        return "derived from " + source + " by " + v.derivedFrom().step() + " (" + run + ")";
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
