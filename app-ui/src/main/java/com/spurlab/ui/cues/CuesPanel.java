package com.spurlab.ui.cues;

import com.spurlab.core.cues.CueResult;
import com.spurlab.core.cues.CueResults;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.ui.ProjectView;
import com.spurlab.ui.RunPicker;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Picks an extraction (the newest by default) and shows its ranked cues, filtered by kind, then its error slices. */
class CuesPanel extends VerticalLayout implements ProjectView.Refreshable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final long projectId;
    private final CueResults cues;
    private final DatasetSamples samples;
    private final RunPicker<CueResults.CueRun> shown = new RunPicker<>(CueResults.CueRun::runId);
    private final CheckboxGroup<String> kinds = new CheckboxGroup<>();
    private final Div content = new Div();
    private CueTable table;

    CuesPanel(long projectId, CueResults cues, DatasetSamples samples) {
        this.projectId = projectId;
        this.cues = cues;
        this.samples = samples;
        setPadding(false);
        setId("cues");
        shown.setId("cue-run");
        shown.setLabel("Extraction");
        shown.setItemLabelGenerator(CuesPanel::label);
        shown.setWidth("36em");
        shown.onPicked(this::show);
        kinds.setId("cue-kinds");
        kinds.setLabel("Kinds");
        kinds.addValueChangeListener(e -> {
            if (table != null) {
                table.showKinds(e.getValue());
            }
        });
        content.setWidthFull();
        add(new HorizontalLayout(shown, kinds), content);
        refresh();
    }

    @Override
    public void refresh() {
        if (shown.refresh(cues.newestRunId(projectId), () -> cues.list(projectId))) {
            show();
        }
    }

    static String label(CueResults.CueRun run) {
        CueResult r = run.result();
        String top = r.cues().isEmpty() ? "no cue" : "top " + r.cues().get(0).cue();
        return "run " + run.runId() + " · " + r.split() + " · " + WHEN.format(run.createdAt()) + " · " + top;
    }

    private void show() {
        content.removeAll();
        table = null;
        CueResults.CueRun run = shown.getValue();
        if (run == null) {
            kinds.setItems(List.of());
            content.add(new Paragraph("No extraction yet. A lead plans an EXTRACT step (after TRAIN) under Experiments."));
            return;
        }
        CueResult r = run.result();
        Set<String> present = new LinkedHashSet<>();
        r.cues().forEach(c -> present.add(c.kind()));
        kinds.setItems(present);
        kinds.setValue(present);
        content.add(summary(run));
        if (r.cues().isEmpty()) {
            content.add(new Paragraph("EXTRACT ranked no cue on this split: the model's errors carry nothing that"
                    + " stands out. The notes say which sources could not be used."));
        } else {
            table = new CueTable(r, run.datasetVersionId(), samples);
            content.add(table);
        }
        content.add(new SliceList(r.slices()));
        if (!r.saliency().isEmpty()) {
            content.add(saliency(r.saliency()));
        }
        if (!r.notes().isEmpty()) {
            content.add(new H4("Notes"), list("cue-notes", r.notes()));
        }
    }

    private static Div summary(CueResults.CueRun run) {
        CueResult r = run.result();
        Paragraph line = new Paragraph(String.format(Locale.ROOT, "Split %s, %d images, model error rate %s;"
                        + " model of run %s on dataset version %d; sources %s.", r.split(), r.samples(),
                Figures.percent(r.baseErrorRate()), run.modelRunId() == null ? "—" : run.modelRunId(),
                run.datasetVersionId(), String.join(", ", r.sources())));
        Div summary = new Div(line);
        summary.setId("cue-summary");
        if (r.derived() != null) {
            Paragraph derived = new Paragraph(String.format(Locale.ROOT, "Derived dataset version %d carries %s: yes"
                            + " for %d of %d images. Plan GROUP_DRO or DFR on it with groupBy %s.",
                    r.derived().datasetVersionId(), r.derived().attribute(), r.derived().carriers(),
                    r.derived().samples(), r.derived().attribute()));
            derived.setId("cue-derived");
            summary.add(derived);
        }
        if (!r.foreground().isEmpty()) {
            summary.add(new Paragraph("Words that name a class, so never cues: " + String.join(", ", r.foreground())));
        }
        return summary;
    }

    private static Div saliency(List<CueResult.Saliency> rows) {
        List<String> lines = rows.stream().map(s -> String.format(Locale.ROOT, "%s (%d images): %s of the input"
                        + " gradient falls outside the foreground mask, which covers %s of the image outside",
                s.label(), s.n(), Figures.percent(s.gradientOutside()), Figures.percent(s.areaOutside()))).toList();
        return new Div(new H4("Where the model looks"), list("cue-saliency", lines));
    }

    static UnorderedList list(String id, List<String> lines) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        lines.forEach(l -> list.add(new ListItem(l)));
        return list;
    }
}
