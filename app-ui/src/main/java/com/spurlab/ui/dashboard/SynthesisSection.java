package com.spurlab.ui.dashboard;

import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What SYNTHESIZE added: the newest synthesis's non-spurious training images, how far they cut the cue's association
 * with the label, and whether they look like real images of their group. Shown once a synthesis has run; one query.
 */
@org.springframework.stereotype.Component
class SynthesisSection implements DashboardSection {

    private final SynthesisRuns syntheses;

    SynthesisSection(SynthesisRuns syntheses) {
        this.syntheses = syntheses;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        List<SynthesisRuns.SynthesisRun> runs = syntheses.list(overview.projectId());
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        SynthesisReport r = runs.get(0).report();
        Div cards = Blocks.cardRow("synthesis-cards");
        cards.add(associationCard(r), qualityCard(r));
        return Optional.of(Blocks.section("synthesis-section", "Non-spurious examples added", "SYNTHESIZE fills the "
                + "groups the cue leaves nearly empty (a label without the cue, the other label with it) with new "
                + "training images, so that the cue no longer tells the labels apart. The association is Cramér's V of "
                + "the cue and the label in training: 0 means the cue says nothing about the label. Val and test are "
                + "unchanged, so the mitigated model is judged on the same images as the baseline.", cards));
    }

    private static Div associationCard(SynthesisReport r) {
        Div card = Blocks.card();
        card.addClassName("synthesis-association");
        Span title = new Span(r.cue());
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        card.add(title);
        card.add(Blocks.big(String.format(Locale.ROOT, "+%d images", r.added())));
        if (r.association() != null) {
            double before = r.association().before();
            double after = r.association().after();
            Span change = new Span(String.format(Locale.ROOT, "Association with the label %.2f → %.2f", before, after));
            change.addClassName("synthesis-association-change");
            card.add(change, after <= 0.1 ? Blocks.badge("cue no longer predicts the label", "success")
                    : after < before ? Blocks.badge("cue weakened", "contrast")
                    : Blocks.badge("cue as strong as before", "error"));
        }
        card.add(Blocks.small(r.datasetVersionLabel() + ", derived from " + r.sourceVersionLabel() + " (" + r.method()
                .toLowerCase(Locale.ROOT) + ")"));
        return card;
    }

    private static Div qualityCard(SynthesisReport r) {
        Div card = Blocks.card();
        card.addClassName("synthesis-quality");
        Span title = new Span("Do the new images look real?");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        card.add(title);
        SynthesisReport.Quality q = r.quality();
        if (q == null) {
            card.add(Blocks.small("No model judged the new images (qualityModel NONE)."));
            return card;
        }
        if (q.labelConsistency() != null) {
            card.add(new Span("Label consistency " + Labels.percent(q.labelConsistency())));
            card.add(Blocks.small("Share of new images that a model trained without the cue's help ("
                    + Labels.choice(q.modelMethod()) + ") classifies as the label they were made for. Higher is better."));
        }
        if (q.frechetDistance() != null && q.frechetOtherValue() != null) {
            boolean closer = q.frechetDistance() < q.frechetOtherValue();
            card.add(new Span(String.format(Locale.ROOT, "Distance to real images of their group %.1f (other cue value %.1f)",
                    q.frechetDistance(), q.frechetOtherValue())));
            card.add(closer ? Blocks.badge("closer to their own group", "success")
                    : Blocks.badge("farther than the other cue value's images", "error"));
        }
        if (q.nearDuplicates() != null) {
            card.add(Blocks.small("Near-copies of a training image: " + Labels.percent(q.nearDuplicates())));
        }
        return card;
    }
}
