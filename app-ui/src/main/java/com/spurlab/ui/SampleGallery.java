package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.SampleView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Thumbnails of one group (split × label × attribute value), loaded a page at a time only when asked
 * for; each image is served through DatasetSamples, which checks the caller may read the version.
 */
class SampleGallery extends Div {

    static final int PAGE = 24;
    static final int THUMBNAIL_SIDE = 96;

    private final DatasetSamples samples;
    private final long versionId;
    private final String split;
    private final String label;
    private final String attribute;
    private final String value;
    private final Div thumbnails = new Div();
    private final Button more = new Button("More");
    private int loaded;

    SampleGallery(DatasetSamples samples, long versionId, String split, String label, String attribute, String value) {
        this.samples = samples;
        this.versionId = versionId;
        this.split = split;
        this.label = label;
        this.attribute = attribute;
        this.value = value;
        setId("sample-gallery");
        add(new H4("Samples: " + split + ", label " + label + (attribute == null ? "" : ", " + attribute + "=" + value)));
        thumbnails.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "4px");
        more.setId("gallery-more");
        more.addClickListener(e -> loadPage());
        add(thumbnails, more);
        loadPage();
    }

    private void loadPage() {
        List<SampleView> page = samples.page(versionId, split, label, attribute, value, loaded, PAGE);
        for (SampleView sample : page) {
            long id = sample.id();
            // Scaled when the browser asks for it (lazy), access-checked again by DatasetSamples.
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] png = samples.thumbnail(versionId, id, THUMBNAIL_SIDE);
                return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + id + ".png", "image/png",
                        png.length);
            }).inline(), sample.path());
            image.setWidth("64px");
            image.setHeight("64px");
            image.addClassName("sample-thumbnail");
            image.getElement().setAttribute("title", sample.path());
            image.getElement().setAttribute("loading", "lazy");
            image.getStyle().set("object-fit", "contain").set("border", "1px solid var(--lumo-contrast-10pct)");
            thumbnails.add(image);
        }
        loaded += page.size();
        more.setVisible(page.size() == PAGE);
        if (loaded == 0) {
            thumbnails.add(new Span("No samples in this group."));
        }
    }
}
