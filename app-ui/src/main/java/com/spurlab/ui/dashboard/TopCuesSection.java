package com.spurlab.ui.dashboard;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.results.ConfirmedCue;
import com.spurlab.core.results.PilotFindings;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReports;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cues the model leans on, confirmed ones first: EXTRACT's error lift and evidence images, EDIT's flip rate against
 * its control. Shown once EXTRACT or EDIT has run.
 */
@org.springframework.stereotype.Component
class TopCuesSection implements DashboardSection {

    private static final int THUMBNAILS = 4;
    private static final int THUMBNAIL_SIDE = 96;

    private final PilotFindings findings;
    private final DatasetSamples samples;

    TopCuesSection(PilotFindings findings, DatasetSamples samples) {
        this.findings = findings;
        this.samples = samples;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        List<ConfirmedCue> cues = findings.topCues(overview.projectId(), PilotReports.TOP_CUES);
        if (cues.isEmpty()) {
            return Optional.empty();
        }
        Div cards = Blocks.cardRow("top-cues");
        cues.forEach(c -> cards.add(card(c)));
        return Optional.of(Blocks.section("cues-section", "Top cues the model leans on", "Lift: how many times more "
                + "often the model errs on images that carry the cue (1 = no more often). Flip rate: the share of "
                + "correctly classified images whose prediction changed when only the cue was edited out, against a "
                + "control edit of the same area; a confirmed cue is one the model really relies on — the thing the "
                + "mitigation must remove. The images are errors that carry the cue.", cards));
    }

    private Div card(ConfirmedCue c) {
        Div card = Blocks.card();
        card.addClassName("cue-card");
        card.getElement().setAttribute("data-cue", c.cue());
        Span name = new Span(c.cue());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span verdict = c.confirmed() == null ? Blocks.badge("not tested by an edit", "contrast")
                : c.confirmed() ? Blocks.badge("confirmed", "error") : Blocks.badge("not confirmed", "success");
        Div head = new Div(name, verdict);
        head.addClassNames(LumoUtility.Display.FLEX, LumoUtility.JustifyContent.BETWEEN, LumoUtility.Gap.SMALL,
                LumoUtility.FlexWrap.WRAP);
        card.add(head);
        if (c.lift() != null) {
            card.add(Blocks.small(String.format(Locale.ROOT, "%s cue%s · errors %.1f× as often with it (%d images)",
                    c.kind().toLowerCase(Locale.ROOT), c.label() == null ? "" : " in " + c.label(), c.lift(), c.n())));
        }
        if (c.flipRate() != null) {
            Span flip = new Span("Flip rate " + Labels.percentWithInterval(c.flipRate(), c.flipCiLow(), c.flipCiHigh())
                    + " · control " + Labels.percent(c.controlFlipRate()));
            flip.addClassNames("cue-flip-rate", LumoUtility.FontSize.SMALL);
            card.add(flip);
        }
        if (!c.evidence().isEmpty() && c.evidenceVersionId() != null) {
            Div images = new Div();
            images.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.XSMALL, LumoUtility.FlexWrap.WRAP);
            long version = c.evidenceVersionId();
            c.evidence().stream().limit(THUMBNAILS).forEach(id -> images.add(thumbnail(version, id, c.cue())));
            card.add(images);
        }
        return card;
    }

    private Image thumbnail(long versionId, long sampleId, String cue) {
        // Scaled when the browser asks for it (lazy), access-checked again by DatasetSamples.
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            byte[] png = samples.evidenceThumbnail(versionId, sampleId, THUMBNAIL_SIDE);
            return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + sampleId + ".png", "image/png",
                    png.length);
        }).inline(), "evidence: sample " + sampleId);
        image.addClassName("evidence-thumbnail");
        image.getElement().setAttribute("title", "sample " + sampleId + ": an error that carries " + cue);
        image.getElement().setAttribute("loading", "lazy");
        image.setWidth("56px");
        image.setHeight("56px");
        image.getStyle().set("object-fit", "contain");
        return image;
    }
}
