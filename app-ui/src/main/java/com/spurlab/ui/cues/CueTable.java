package com.spurlab.ui.cues;

import com.spurlab.core.cues.CueResult;
import com.spurlab.core.dataset.DatasetSamples;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ranked cues, best first: what the cue is and where it raises errors, the lift with its interval, and its
 * evidence images beside it (served through DatasetSamples, which checks the reader may read results; never a path).
 */
class CueTable extends NativeTable {

    static final int THUMBNAIL_SIDE = 96;

    private final List<NativeTableRow> rows = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();

    CueTable(CueResult result, long versionId, DatasetSamples samples) {
        setId("cue-table");
        getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        NativeTableRow head = new NativeTableRow();
        for (String h : List.of("#", "Cue", "Kind", "Class", "n (errors)", "Error rate",
                "Lift, 95 % CI (log scale, dashed ×1)", "Score", "Evidence")) {
            head.add(cell(new NativeTableHeaderCell(h)));
        }
        NativeTableBody body = new NativeTableBody();
        for (CueResult.CueRow c : result.cues()) {
            NativeTableRow row = new NativeTableRow();
            row.addClassName("cue-row");
            row.getElement().setAttribute("data-cue", c.cue());
            row.getElement().setAttribute("data-kind", c.kind());
            row.getElement().setAttribute("data-rank", String.valueOf(c.rank()));
            Span lift = new Span(Figures.lift(c.lift(), c.ciLow(), c.ciHigh()));
            lift.getStyle().set("font-size", "var(--lumo-font-size-xs)");
            Div liftCell = new Div(new LiftBar(c.lift(), c.ciLow(), c.ciHigh()), lift);
            row.add(cell(new NativeTableCell(String.valueOf(c.rank()))), cell(new NativeTableCell(describe(c))),
                    cell(new NativeTableCell(badge(c.kind()))), cell(new NativeTableCell(c.label())),
                    figure(new NativeTableCell(c.n() + " (" + c.errors() + ")")),
                    figure(new NativeTableCell(Figures.percent(c.errorRate()))), cell(new NativeTableCell(liftCell)),
                    figure(new NativeTableCell(Figures.number(c.score()))),
                    cell(new NativeTableCell(evidence(c, versionId, samples))));
            body.add(row);
            rows.add(row);
            kinds.add(c.kind());
        }
        add(new NativeTableHeader(head), body);
    }

    /** Shows the rows of the given kinds only. */
    void showKinds(Set<String> shown) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setVisible(shown.contains(kinds.get(i)));
        }
    }

    /** The cue's name, then what explains a slice or which class the cue points to in train. */
    private static Component describe(CueResult.CueRow c) {
        Span name = new Span(c.cue());
        name.addClassName("cue-name");
        name.getStyle().set("font-weight", "600").set("font-family", "var(--lumo-font-family)");
        Span detail = new Span(detail(c));
        detail.addClassName("cue-detail");
        detail.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-xs)");
        return new Div(name, detail);
    }

    static String detail(CueResult.CueRow c) {
        if ("SLICE".equals(c.kind())) {
            return c.describedBy().isEmpty() ? "errors clustered together; no attribute or word over-represented"
                    : "over-represented: " + String.join(", ", c.describedBy());
        }
        if ("SALIENCY".equals(c.kind())) {
            return "gradient share outside the foreground mask over the area outside it";
        }
        return c.predicts() == null ? "not tied to a class in train"
                : "points to " + c.predicts() + " in train (association " + Figures.number(c.association()) + ")";
    }

    private static Span badge(String kind) {
        Span badge = new Span(kind);
        badge.getElement().getThemeList().add(switch (kind) {
            case "TEXT" -> "badge";
            case "SLICE" -> "badge contrast";
            case "SALIENCY" -> "badge error";
            default -> "badge success";
        });
        return badge;
    }

    private static Div evidence(CueResult.CueRow c, long versionId, DatasetSamples samples) {
        Div images = new Div();
        images.addClassName("cue-evidence");
        images.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "2px").set("max-width", "26em");
        for (long id : c.evidence()) {
            // Scaled when the browser asks for it (lazy), access-checked again by DatasetSamples.
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] png = samples.evidenceThumbnail(versionId, id, THUMBNAIL_SIDE);
                return new DownloadResponse(new ByteArrayInputStream(png), "sample-" + id + ".png", "image/png",
                        png.length);
            }).inline(), "sample " + id);
            image.addClassName("evidence-thumbnail");
            image.getElement().setAttribute("data-sample-id", String.valueOf(id));
            image.getElement().setAttribute("title", "sample " + id + ": an error that carries " + c.cue());
            image.getElement().setAttribute("loading", "lazy");
            image.setWidth("48px");
            image.setHeight("48px");
            image.getStyle().set("object-fit", "contain").set("border", "1px solid var(--lumo-contrast-10pct)");
            images.add(image);
        }
        if (c.evidence().isEmpty()) {
            images.add(new Span("—"));
        }
        return images;
    }

    /** A figure stays on one line. */
    private static <C extends Component> C figure(C cell) {
        cell(cell).getElement().getStyle().set("white-space", "nowrap");
        return cell;
    }

    private static <C extends Component> C cell(C cell) {
        cell.getElement().getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("text-align", "left")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("vertical-align", "top");
        return cell;
    }
}
