package com.spurlab.ui.synthesis;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/**
 * A few new images per filled group, each beside the images it was made from: the one whose content it keeps, and
 * the donor of its background or word. Served as evidence (those who read results may see them).
 */
class ExampleGallery extends Div {

    static final int SIDE = 96;

    ExampleGallery(SynthesisReport r, DatasetSamples samples) {
        setId("synthesis-examples");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1em");
        if (r.examples().isEmpty()) {
            add(new Span("No new images."));
        }
        for (SynthesisReport.Example e : r.examples()) {
            Div row = new Div();
            row.addClassName("synthesis-example");
            row.getElement().setAttribute("data-sample", String.valueOf(e.sampleId()));
            row.getStyle().set("display", "flex").set("gap", "4px").set("align-items", "flex-end")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("padding", "4px");
            row.add(figure(samples, r.datasetVersionId(), e.sampleId(), "new · " + Labels.group(e.group()), "new"));
            for (int k = 0; k < e.sources().size(); k++) {
                String role = k == 0 ? (e.operation().equals("REPLACE_BACKGROUND") ? "foreground from" : "from")
                        : e.operation().equals("ADD_CUE") ? "word from" : "background from";
                row.add(figure(samples, r.sourceVersionId(), e.sources().get(k), role + " #" + e.sources().get(k),
                        k == 0 ? "source" : "donor"));
            }
            row.getElement().setAttribute("title", e.operation() + ", seed " + e.seed() + ", augmentation " + e.augmentation());
            add(row);
        }
    }

    private static Div figure(DatasetSamples samples, long versionId, long sampleId, String caption, String kind) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            byte[] png = samples.evidenceThumbnail(versionId, sampleId, SIDE);
            return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + sampleId + ".png", "image/png",
                    png.length);
        }).inline(), caption);
        image.setWidth(SIDE + "px");
        image.setHeight(SIDE + "px");
        image.addClassName("synthesis-" + kind);
        image.getStyle().set("object-fit", "contain").set("image-rendering", "pixelated");
        Span text = new Span(caption);
        text.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("max-width", SIDE + "px");
        Div figure = new Div(image, text);
        figure.getStyle().set("display", "flex").set("flex-direction", "column");
        return figure;
    }
}
