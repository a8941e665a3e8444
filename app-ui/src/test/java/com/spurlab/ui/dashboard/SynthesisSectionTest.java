package com.spurlab.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's synthesis section says what was added, how far the cue fell and whether the images look real. */
class SynthesisSectionTest {

    private static final PilotOverview OVERVIEW = new PilotOverview(7, PilotOverview.Stage.values()[0], List.of(), null,
            null, null, List.of(), Map.of(), 0);

    @Test
    void aProjectWithoutSynthesisShowsNoSection() {
        SynthesisRuns runs = mock(SynthesisRuns.class);
        when(runs.list(7)).thenReturn(List.of());
        assertThat(new SynthesisSection(runs).create(OVERVIEW)).isEmpty();
    }

    @Test
    void theNewestSynthesisShowsItsImagesTheFallOfTheCueAndItsQuality() {
        SynthesisRuns runs = mock(SynthesisRuns.class);
        when(runs.list(7)).thenReturn(List.of(run(0.80, 0.02, 7.6, 28.8), run(0.80, 0.5, 30, 10)));

        String text = text(new SynthesisSection(runs).create(OVERVIEW).orElseThrow());

        assertThat(text).contains("+160 images", "Association with the label 0.80 → 0.02",
                "cue no longer predicts the label", "Label consistency 59.0 %", "closer to their own group",
                "shoes-synthesize v1, derived from shoes v1");
    }

    @Test
    void aCueThatStaysAndImagesFartherThanTheOtherValueAreSaidPlainly() {
        SynthesisRuns runs = mock(SynthesisRuns.class);
        when(runs.list(7)).thenReturn(List.of(run(0.80, 0.80, 30, 10)));

        String text = text(new SynthesisSection(runs).create(OVERVIEW).orElseThrow());

        assertThat(text).contains("cue as strong as before", "farther than the other cue value's images")
                .doesNotContain("cue no longer predicts the label");
    }

    private static SynthesisRuns.SynthesisRun run(double before, double after, double frechet, double other) {
        SynthesisReport.Quality quality = new SynthesisReport.Quality(0.59, frechet, other, 3.0, 3.1, 0.0, 3L,
                "GROUP_DRO", false, List.of());
        SynthesisReport report = new SynthesisReport(9, 1, "shoes-synthesize v1", "shoes v1", "attribute:background",
                "PARAMETER", "background", "RECOMBINE", 160, Map.of(), Map.of(),
                new SynthesisReport.Association(before, after), List.of(), quality, 0.0, List.of(),
                new SynthesisReport.Settings(1, 5000, 42, "flip"), List.of(), Map.of());
        return new SynthesisRuns.SynthesisRun(11, 2, Instant.EPOCH, report);
    }

    /** Every text of the component tree, joined. */
    private static String text(Component root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return String.join(" | ", texts);
    }

    private static void collect(Component c, List<String> texts) {
        if (c instanceof HasText t && c.getChildren().findAny().isEmpty()) {
            texts.add(t.getText());
        }
        String own = c.getElement().getText();
        if (!own.isEmpty() && !(c instanceof HasText && c.getChildren().findAny().isEmpty())) {
            texts.add(own);
        }
        c.getChildren().forEach(child -> collect(child, texts));
    }
}
