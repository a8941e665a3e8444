package com.spurlab.ui.edits;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.edit.EditPair;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditSetResult;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's before/after pairs side by side with the model's two predictions and a "flipped" badge, a page at a time,
 * filtered by group and by flip. Images are thumbnails of the versions' samples (the original in the source version,
 * the edit in the edited one), served through DatasetSamples for those who read results.
 */
class EditPairsView extends Div {

    static final int PAGE = 24;
    static final int THUMBNAIL_SIDE = 96;
    private static final String ALL = "All groups";
    private static final String ANY = "Flipped or not";
    private static final String FLIPPED = "Flipped only";
    private static final String KEPT = "Not flipped only";

    private final EditResults.EditRun run;
    private final EditResults edits;
    private final DatasetSamples samples;
    private final Select<String> group = new Select<>();
    private final Select<String> flipped = new Select<>();
    private final Div pairs = new Div();
    private final Span count = new Span();
    private final Button more = new Button("More pairs");
    private int loaded;

    EditPairsView(EditResults.EditRun run, EditResults edits, DatasetSamples samples) {
        this.run = run;
        this.edits = edits;
        this.samples = samples;
        setId("edit-pairs");
        List<String> groups = new ArrayList<>(List.of(ALL));
        run.result().groups().stream().map(EditSetResult.GroupFigures::group).forEach(groups::add);
        group.setId("pair-group");
        group.setLabel("Group");
        group.setItems(groups);
        group.setItemLabelGenerator(g -> g.equals(ALL) ? g : Labels.group(g));
        group.setValue(ALL);
        flipped.setId("pair-flipped");
        flipped.setLabel("Prediction");
        flipped.setItems(ANY, FLIPPED, KEPT);
        flipped.setValue(ANY);
        group.addValueChangeListener(e -> reload());
        flipped.addValueChangeListener(e -> reload());
        count.setId("pair-count");
        HorizontalLayout filters = new HorizontalLayout(group, flipped, count);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        pairs.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        more.setId("pairs-more");
        more.addClickListener(e -> loadPage());
        add(new H4("Before and after"), filters, pairs, more);
        reload();
    }

    private void reload() {
        pairs.removeAll();
        loaded = 0;
        loadPage();
    }

    private void loadPage() {
        String g = group.getValue() == null || group.getValue().equals(ALL) ? null : group.getValue();
        Boolean f = FLIPPED.equals(flipped.getValue()) ? Boolean.TRUE : KEPT.equals(flipped.getValue()) ? Boolean.FALSE
                : null;
        EditResults.PairPage page = edits.pairs(run.runId(), g, f, loaded, PAGE);
        page.pairs().forEach(p -> pairs.add(card(p)));
        loaded += page.pairs().size();
        count.setText(page.total() + " pairs" + (page.total() > loaded ? ", " + loaded + " shown" : ""));
        count.getElement().setAttribute("data-total", String.valueOf(page.total()));
        // What the filters show, for tests to wait on after a change.
        getElement().setAttribute("data-filter", (g == null ? ALL : Labels.group(g)) + " / " + flipped.getValue());
        more.setVisible(loaded < page.total());
    }

    private Div card(EditPair p) {
        EditSetResult r = run.result();
        Div before = side(thumbnail(r.sourceVersionId(), p.originalSampleId(), "original"), "before: "
                + p.predictedBefore());
        Div after = side(thumbnail(r.datasetVersionId(), p.editedSampleId(), "edited"), "after: " + p.predictedAfter());
        Div images = new Div(before, after);
        images.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL);
        Span label = new Span(Labels.group(p.group()));
        label.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(images, label);
        if (p.flipped()) {
            Span badge = new Span("flipped");
            badge.getElement().getThemeList().add("badge error");
            badge.addClassName("flipped-badge");
            card.add(badge);
        }
        card.addClassNames("edit-pair", LumoUtility.Padding.SMALL, LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        card.getElement().setAttribute("data-original", String.valueOf(p.originalSampleId()));
        card.getElement().setAttribute("data-edited", String.valueOf(p.editedSampleId()));
        card.getElement().setAttribute("data-flipped", String.valueOf(p.flipped()));
        card.getElement().setAttribute("data-group", p.group());
        card.getElement().setAttribute("title", "true label: " + p.label() + (p.correctBefore() ? ""
                : " (misclassified before the edit)"));
        return card;
    }

    private static Div side(Image image, String prediction) {
        Span text = new Span(prediction);
        text.addClassNames(LumoUtility.FontSize.SMALL);
        Div side = new Div(image, text);
        side.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER);
        return side;
    }

    /** Scaled when the browser asks for it (lazy), access-checked again by DatasetSamples. */
    private Image thumbnail(long versionId, long sampleId, String which) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            byte[] png = samples.evidenceThumbnail(versionId, sampleId, THUMBNAIL_SIDE);
            return new DownloadResponse(new ByteArrayInputStream(png), which + "-" + sampleId + ".png", "image/png",
                    png.length);
        }).inline(), which + " image of sample " + sampleId);
        image.setWidth("80px");
        image.setHeight("80px");
        image.addClassName(which + "-image");
        image.getElement().setAttribute("loading", "lazy");
        image.getStyle().set("object-fit", "contain").set("image-rendering", "pixelated");
        return image;
    }
}
