package com.spurlab.ui.edits;

import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditSetResult;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.Estimate;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One edit run: the verdict in words, the flip rate against the control's per group as a chart, and the notes. */
class EditRunView extends Div {

    EditRunView(EditResults.EditRun run) {
        EditSetResult r = run.result();
        setId("edit-run-view");
        getElement().setAttribute("data-run-id", String.valueOf(run.runId()));
        Span badge = new Span(r.confirmed() ? "confirmed" : "not confirmed");
        badge.getElement().getThemeList().add(r.confirmed() ? "badge error" : "badge success");
        badge.setId("edit-confirmed");
        Paragraph verdict = new Paragraph(r.verdict());
        verdict.setId("edit-verdict");
        verdict.getElement().setAttribute("data-confirmed", String.valueOf(r.confirmed()));
        Div head = new Div(badge, verdict);
        head.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
        add(head, new Paragraph(String.format(Locale.ROOT, "Run %d: %s of %s (%s) on the %s split with the %s model of "
                + "training run %s. %d images edited, %d of them classified correctly before; %d not edited. "
                + "Prediction unchanged by the edit (counterfactual consistency): %s.", run.runId(), r.operation(),
                r.cue(), r.cueFrom(), r.split(), run.method(), run.modelRunId(), r.n(), r.correctBefore(),
                r.notEdited(), Labels.percent(r.consistency()))));
        Paragraph version = new Paragraph("The edits are dataset version " + r.datasetVersionId() + ", derived from "
                + "version " + r.sourceVersionId() + " (which stays as it was): its " + r.split() + " split holds the "
                + "edited images, the other splits are shared. Evaluate or audit it by planning those steps after EDIT.");
        version.setId("edit-version");
        version.getElement().setAttribute("data-version-id", String.valueOf(r.datasetVersionId()));
        add(version, new H4("Flip rate: edit against control, with 95 % intervals"), chart(r), notes(r));
    }

    /** The whole split first, then each group; each bar with its Wilson interval and its count. */
    static EChart chart(EditSetResult r) {
        List<String> categories = new ArrayList<>(List.of("All images"));
        List<Estimate> edit = new ArrayList<>(List.of(Estimate.of(r.flipRate(), r.ciLow(), r.ciHigh(),
                r.correctBefore())));
        List<Estimate> control = new ArrayList<>(List.of(Estimate.of(r.controlFlipRate(), r.controlCiLow(),
                r.controlCiHigh(), r.controlN())));
        for (EditSetResult.GroupFigures g : r.groups()) {
            categories.add(Labels.group(g.group()));
            edit.add(small(Estimate.of(g.flipRate(), g.ciLow(), g.ciHigh(), g.correctBefore()), g.correctBefore()));
            control.add(small(Estimate.of(g.controlFlipRate(), g.controlCiLow(), g.controlCiHigh(), g.controlN()),
                    g.controlN()));
        }
        EChart chart = new EChart(BarChart.of(categories).series("cue edited", edit)
                .series("control edit (same pixels, cue kept)", control));
        chart.setId("flip-rates");
        chart.getElement().setAttribute("data-confirmed", String.valueOf(r.confirmed()));
        return chart;
    }

    private static Estimate small(Estimate e, int n) {
        return n < 20 ? e.withNote("fewer than 20 correctly classified images: too small to trust") : e;
    }

    private static Div notes(EditSetResult r) {
        Div out = new Div();
        out.setId("edit-notes");
        if (!r.report().isEmpty()) {
            UnorderedList list = new UnorderedList();
            r.report().forEach(line -> list.add(new ListItem(line)));
            list.addClassNames(LumoUtility.FontSize.SMALL);
            out.add(new H4("Notes"), list);
        }
        return out;
    }
}
