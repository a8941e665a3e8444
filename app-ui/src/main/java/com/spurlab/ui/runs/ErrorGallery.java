package com.spurlab.ui.runs;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.results.EvaluatedRun;
import com.spurlab.core.results.RunReports;
import com.spurlab.core.run.PredictionError;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

/**
 * The misclassified images of one split with what the model said, a page at a time: each thumbnail comes
 * from the dataset services (checked again for the reader of results), never from a server path.
 */
class ErrorGallery extends Div {

    private static final int PAGE = 24;

    private final RunReports reports;
    private final DatasetSamples samples;
    private final EvaluatedRun run;
    private final String split;
    private final List<String> classes;
    private final Div tiles = new Div();
    private final Button more = new Button("More");
    private int shown;

    ErrorGallery(RunReports reports, DatasetSamples samples, EvaluatedRun run, String split, List<String> classes) {
        this.reports = reports;
        this.samples = samples;
        this.run = run;
        this.split = split;
        this.classes = classes;
        setId("run-errors");
        tiles.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        more.addClickListener(e -> page());
        add(tiles, more);
        page();
    }

    private void page() {
        List<PredictionError> errors = reports.errors(run.evaluationRunId(), split, shown + PAGE + 1);
        List<PredictionError> next = errors.stream().skip(shown).limit(PAGE).toList();
        next.forEach(e -> tiles.add(tile(e)));
        shown += next.size();
        more.setVisible(errors.size() > shown);
        if (shown == 0) {
            tiles.add(new Span("No misclassified images in this split."));
        }
    }

    private Div tile(PredictionError error) {
        long versionId = run.datasetVersionId();
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            byte[] png = samples.resultThumbnail(versionId, error.sampleId(), 96);
            return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + error.sampleId() + ".png",
                    "image/png", png.length);
        }).inline(), "sample " + error.sampleId());
        image.setWidth("96px");
        image.setHeight("96px");
        image.getElement().setAttribute("loading", "lazy");
        image.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10);
        Span truth = new Span("is " + name(error.label()));
        Span said = new Span(String.format(Locale.ROOT, "said %s (%.0f %%)", name(error.predicted()),
                100 * error.confidence()));
        said.addClassNames(LumoUtility.TextColor.ERROR);
        Span group = new Span(Labels.group(error.group()));
        group.addClassNames(LumoUtility.TextColor.SECONDARY);
        Div tile = new Div(image, truth, said, group);
        tile.addClassNames("error-tile", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.FontSize.XSMALL, LumoUtility.Padding.XSMALL);
        tile.setWidth("7.5em");
        tile.getElement().setAttribute("data-sample", String.valueOf(error.sampleId()));
        return tile;
    }

    private String name(int index) {
        return index >= 0 && index < classes.size() ? Labels.group(classes.get(index)) : String.valueOf(index);
    }
}
