package com.spurlab.ui.synthesis;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.HeatmapChart;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** One synthesis: where its version comes from, the composition before and after, the quality figures, new images. */
class SynthesisView extends Div {

    SynthesisView(SynthesisRuns.SynthesisRun run, DatasetSamples samples) {
        SynthesisReport r = run.report();
        setWidthFull();
        add(new H3(String.format(Locale.ROOT, "%s: %,d new training images", r.cue(), r.added())));
        Paragraph lineage = new Paragraph(String.format(Locale.ROOT, "%s is derived from %s: its training split is the"
                + " original plus the new images; its val and test images are the same images as the source's, shared,"
                + " not copied. %s cannot be deleted while %s exists. TRAIN steps planned after this step train on %s.",
                r.datasetVersionLabel(), r.sourceVersionLabel(), r.sourceVersionLabel(), r.datasetVersionLabel(),
                r.datasetVersionLabel()));
        lineage.setId("synthesis-lineage");
        add(lineage);

        add(new H4("Composition of the training split"));
        Paragraph association = new Paragraph(QualityWords.association(r));
        association.setId("synthesis-association");
        add(association, compositions(r));

        add(new H4("Quality of the new images"));
        UnorderedList quality = new UnorderedList();
        quality.setId("synthesis-quality");
        QualityWords.quality(r).forEach(line -> quality.add(new ListItem(line)));
        add(quality);
        if (r.quality() != null && !r.quality().groups().isEmpty()) {
            add(groups(r.quality().groups()));
        }

        add(new H4("New images and what they were made from"));
        add(new ExampleGallery(r, samples));
        if (!r.report().isEmpty()) {
            add(new H4("Notes"));
            UnorderedList notes = new UnorderedList();
            notes.setId("synthesis-notes");
            r.report().forEach(line -> notes.add(new ListItem(line)));
            add(notes);
        }
    }

    /** Label × value counts before and after as two heat maps on one colour scale, side by side. */
    private static Div compositions(SynthesisReport r) {
        TreeSet<String> labels = new TreeSet<>();
        TreeSet<String> values = new TreeSet<>();
        r.groupsAfter().keySet().forEach(g -> {
            int bar = g.lastIndexOf('|');
            labels.add(g.substring(0, bar));
            values.add(g.substring(bar + 1));
        });
        HeatmapChart before = heatmap(r.groupsBefore(), labels, values, r.attribute());
        HeatmapChart after = heatmap(r.groupsAfter(), labels, values, r.attribute());
        double max = Math.max(before.max(), after.max());
        before.scale(max);
        after.scale(max);
        Div pair = new Div();
        pair.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1em");
        pair.add(titled(String.format(Locale.ROOT, "Before (Cramér's V %.2f)", r.association().before()), before,
                "composition-before"), titled(String.format(Locale.ROOT, "After (Cramér's V %.2f)",
                r.association().after()), after, "composition-after"));
        return pair;
    }

    private static HeatmapChart heatmap(Map<String, Integer> groups, TreeSet<String> labels, TreeSet<String> values,
            String attribute) {
        List<String> rows = new ArrayList<>(labels);
        List<String> columns = new ArrayList<>(values);
        double[][] counts = new double[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                counts[i][j] = groups.getOrDefault(rows.get(i) + "|" + columns.get(j), 0);
            }
        }
        return HeatmapChart.of(columns, rows, counts).axes(attribute, "label");
    }

    private static Div titled(String title, HeatmapChart chart, String id) {
        EChart drawn = new EChart(chart);
        drawn.setId(id);
        Div box = new Div(new H4(title), drawn);
        box.getStyle().set("flex", "1 1 22em").set("min-width", "18em");
        return box;
    }

    private static Grid<SynthesisReport.GroupQuality> groups(List<SynthesisReport.GroupQuality> groups) {
        Grid<SynthesisReport.GroupQuality> grid = new Grid<>();
        grid.setId("synthesis-groups");
        grid.addColumn(g -> Labels.group(g.group())).setHeader("Group").setAutoWidth(true);
        grid.addColumn(SynthesisReport.GroupQuality::real).setHeader("Real images");
        grid.addColumn(SynthesisReport.GroupQuality::added).setHeader("New images");
        grid.addColumn(g -> Labels.percent(g.labelConsistency())).setHeader("Label consistency");
        grid.addColumn(g -> number(g.frechetDistance())).setHeader("Fréchet distance to real");
        grid.addColumn(g -> number(g.frechetOtherValue())).setHeader("… of the other value's real images");
        grid.addColumn(g -> number(g.diversity())).setHeader("Diversity (new)");
        grid.addColumn(g -> number(g.realDiversity())).setHeader("Diversity (real)");
        grid.setItems(groups);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String number(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
