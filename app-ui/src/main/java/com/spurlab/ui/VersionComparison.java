package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.VersionDiff;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.spurlab.core.dataset.SampleView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Pick two READY versions and see what changed: samples added/removed by content hash, counts, cues. */
class VersionComparison extends Div {

    private final DatasetSamples samples;
    private final ComboBox<DatasetVersionView> from = new ComboBox<>("From");
    private final ComboBox<DatasetVersionView> to = new ComboBox<>("To");
    private final Div result = new Div();

    VersionComparison(DatasetSamples samples) {
        this.samples = samples;
        setId("version-comparison");
        from.setId("diff-from");
        to.setId("diff-to");
        from.setItemLabelGenerator(DatasetVersionView::label);
        to.setItemLabelGenerator(DatasetVersionView::label);
        Button compare = new Button("Compare", e -> compare());
        compare.setId("diff-compare");
        HorizontalLayout form = new HorizontalLayout(from, to, compare);
        form.setAlignItems(FlexComponent.Alignment.END);
        add(new H4("Compare two versions"), form, result);
    }

    /** Offers the READY versions; keeps the choices when the list is re-read and they are still there. */
    void setVersions(List<DatasetVersionView> versions) {
        List<DatasetVersionView> ready = versions.stream().filter(v -> v.status() == DatasetStatus.READY).toList();
        Long fromId = from.getValue() == null ? null : from.getValue().id();
        Long toId = to.getValue() == null ? null : to.getValue().id();
        List<Long> current = from.getListDataView().getItems().map(DatasetVersionView::id).toList();
        if (current.equals(ready.stream().map(DatasetVersionView::id).toList())) {
            return;
        }
        from.setItems(ready);
        to.setItems(ready);
        ready.stream().filter(v -> Objects.equals(v.id(), fromId)).findFirst().ifPresent(from::setValue);
        ready.stream().filter(v -> Objects.equals(v.id(), toId)).findFirst().ifPresent(to::setValue);
        if (from.getValue() == null && to.getValue() == null && ready.size() >= 2) {
            from.setValue(ready.get(1));
            to.setValue(ready.get(0));
        }
    }

    private void compare() {
        result.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            Notifications.error("Choose two READY versions to compare.");
            return;
        }
        VersionDiff diff = Notifications.attempt(() -> samples.diff(from.getValue().id(), to.getValue().id()));
        if (diff == null) {
            return;
        }
        Span summary = new Span(String.format(Locale.ROOT, "%s → %s: %d added, %d removed, %d unchanged, "
                        + "%d moved to another label or split (by image content).", diff.from(), diff.to(), diff.added(),
                diff.removed(), diff.unchanged(), diff.relabelled()));
        summary.setId("diff-summary");
        Grid<VersionDiff.CountChange> counts = new Grid<>();
        counts.setId("diff-counts");
        counts.addColumn(VersionDiff.CountChange::split).setHeader("Split");
        counts.addColumn(VersionDiff.CountChange::label).setHeader("Label");
        counts.addColumn(VersionDiff.CountChange::before).setHeader("Before");
        counts.addColumn(VersionDiff.CountChange::after).setHeader("After");
        counts.addColumn(c -> String.format(Locale.ROOT, "%+d", c.after() - c.before())).setHeader("Change");
        counts.setItems(diff.counts());
        counts.setAllRowsVisible(true);
        result.add(summary, examples("Added in " + diff.to(), "diff-added", diff.toId(), diff.addedExamples(),
                diff.added()), examples("Removed since " + diff.from(), "diff-removed", diff.fromId(),
                diff.removedExamples(), diff.removed()), counts);
        if (diff.attributes().isEmpty()) {
            result.add(new Paragraph("Neither version has attributes, so there is no cue association to compare."));
        } else {
            Grid<VersionDiff.AttributeChange> cues = new Grid<>();
            cues.setId("diff-attributes");
            cues.addColumn(VersionDiff.AttributeChange::attribute).setHeader("Attribute");
            cues.addColumn(a -> format(a.cramersVBefore(), a.suspectedBefore())).setHeader("Cramér's V before");
            cues.addColumn(a -> format(a.cramersVAfter(), a.suspectedAfter())).setHeader("Cramér's V after");
            cues.setItems(diff.attributes());
            cues.setAllRowsVisible(true);
            result.add(cues);
        }
    }

    /** Thumbnails of the images added or removed (the first ones), each from the version that holds it. */
    private Div examples(String title, String id, long versionId, List<SampleView> shown, int total) {
        Div box = new Div();
        box.setId(id);
        if (total == 0) {
            return box;
        }
        box.add(new H4(title + " (" + total + (shown.size() < total ? ", the first " + shown.size() + " shown" : "")
                + ")"));
        Div tiles = new Div();
        tiles.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        for (SampleView sample : shown) {
            long sampleId = sample.id();
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] png = samples.thumbnail(versionId, sampleId, SampleGallery.THUMBNAIL_SIDE);
                return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + sampleId + ".png", "image/png",
                        png.length);
            }).inline(), sample.path());
            image.setWidth("64px");
            image.setHeight("64px");
            image.getElement().setAttribute("title", sample.split() + " · " + Labels.group(sample.label()) + " · "
                    + sample.path());
            image.getElement().setAttribute("loading", "lazy");
            image.addClassNames("diff-thumbnail", LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10);
            tiles.add(image);
        }
        box.add(tiles);
        return box;
    }

    private static String format(Double v, boolean suspected) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f%s", v, suspected ? " (suspected cue)" : "");
    }
}
