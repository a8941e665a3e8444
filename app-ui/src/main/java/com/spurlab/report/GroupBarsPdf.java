package com.spurlab.report;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.PilotOverview.Evaluation;
import com.spurlab.ui.Labels;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The report's per-group chart, drawn as vector graphics: per group a bar for the baseline and one for the mitigated
 * model with their 95 % intervals as whiskers, the axis in percent and the worst-group target as a dashed line (the
 * same reading as the dashboard's chart).
 */
final class GroupBarsPdf {

    private static final float WIDTH = 515;
    private static final float LABELS = 120;
    private static final float BAR = 8;
    private static final float GAP = 7;
    private static final float TOP = 22;
    private static final float BOTTOM = 18;
    static final Color BASELINE = new Color(0x5B, 0x8F, 0xF9);
    static final Color MITIGATED = new Color(0x5A, 0xD8, 0xA6);
    private static final Color TARGET = new Color(0xD6, 0x2D, 0x20);

    private GroupBarsPdf() {
    }

    /** Group keys of both evaluations, the baseline's order first. */
    static List<String> groups(Evaluation baseline, Evaluation mitigated) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (Evaluation e : new Evaluation[] {baseline, mitigated}) {
            if (e != null) {
                e.groups().forEach(g -> keys.add(g.group()));
            }
        }
        return new ArrayList<>(keys);
    }

    static void draw(Document document, PdfWriter writer, Evaluation baseline, Evaluation mitigated, Double target) {
        List<String> keys = groups(baseline, mitigated);
        int series = (baseline == null ? 0 : 1) + (mitigated == null ? 0 : 1);
        float rowHeight = series * BAR + GAP;
        float height = TOP + keys.size() * rowHeight + BOTTOM;
        PdfTemplate t = writer.getDirectContent().createTemplate(WIDTH, height);
        BaseFont font = PilotReportPdf.CELL.getCalculatedBaseFont(false);
        float plot = WIDTH - LABELS - 10;
        // axis: gridlines and labels every 25 %
        for (int p = 0; p <= 100; p += 25) {
            float x = LABELS + plot * p / 100f;
            t.setColorStroke(new Color(220, 220, 220));
            t.setLineWidth(0.5f);
            t.moveTo(x, BOTTOM);
            t.lineTo(x, height - TOP + 4);
            t.stroke();
            label(t, font, 7, p + " %", x, 6, PdfContentByte.ALIGN_CENTER, Color.DARK_GRAY);
        }
        float y = height - TOP;
        for (String key : keys) {
            label(t, font, 7.5f, PilotReportPdf.text(Labels.group(key)), LABELS - 6, y - series * BAR / 2f - 2.5f,
                    PdfContentByte.ALIGN_RIGHT, Color.BLACK);
            if (baseline != null) {
                bar(t, baseline, key, y, plot, BASELINE);
                y -= BAR;
            }
            if (mitigated != null) {
                bar(t, mitigated, key, y, plot, MITIGATED);
                y -= BAR;
            }
            y -= GAP;
        }
        if (target != null) {
            float x = LABELS + plot * (float) Math.max(0, Math.min(1, target));
            t.setColorStroke(TARGET);
            t.setLineWidth(1.2f);
            t.setLineDash(4, 3, 0);
            t.moveTo(x, BOTTOM);
            t.lineTo(x, height - TOP + 4);
            t.stroke();
            t.setLineDash(0);
            label(t, font, 7, String.format(Locale.ROOT, "target %.0f %%", 100 * target), x - 3, height - TOP + 6,
                    PdfContentByte.ALIGN_RIGHT, TARGET);
        }
        legend(t, font, baseline, mitigated, height);
        try {
            Image image = Image.getInstance(t);
            image.setSpacingBefore(4);
            document.add(image);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException("the group chart could not be placed", e);
        }
    }

    private static void bar(PdfContentByte t, Evaluation e, String key, float top, float plot, Color color) {
        GroupEstimate g = e.groups().stream().filter(x -> x.group().equals(key)).findFirst().orElse(null);
        if (g == null) {
            return;
        }
        float bottom = top - BAR + 1;
        t.setColorFill(color);
        t.rectangle(LABELS, bottom, plot * (float) g.accuracy(), BAR - 2);
        t.fill();
        float mid = bottom + (BAR - 2) / 2f;
        t.setColorStroke(Color.DARK_GRAY);
        t.setLineWidth(0.8f);
        t.moveTo(LABELS + plot * (float) g.low(), mid);
        t.lineTo(LABELS + plot * (float) g.high(), mid);
        t.stroke();
    }

    private static void legend(PdfContentByte t, BaseFont font, Evaluation baseline, Evaluation mitigated, float height) {
        float x = LABELS;
        float y = height - 10;
        if (baseline != null) {
            x = swatch(t, font, x, y, BASELINE, "Baseline · " + Labels.choice(baseline.run().method()));
        }
        if (mitigated != null) {
            x = swatch(t, font, x, y, MITIGATED, "Mitigated · " + Labels.choice(mitigated.run().method()));
        }
        label(t, font, 7, "whiskers: 95 % interval", x, y, PdfContentByte.ALIGN_LEFT, Color.DARK_GRAY);
    }

    private static float swatch(PdfContentByte t, BaseFont font, float x, float y, Color color, String text) {
        t.setColorFill(color);
        t.rectangle(x, y - 1, 9, 7);
        t.fill();
        label(t, font, 7.5f, text, x + 12, y, PdfContentByte.ALIGN_LEFT, Color.BLACK);
        return x + 12 + font.getWidthPoint(text, 7.5f) + 14;
    }

    private static void label(PdfContentByte t, BaseFont font, float size, String text, float x, float y, int align,
                              Color color) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.setColorFill(color);
        t.showTextAligned(align, text, x, y, 0);
        t.endText();
    }
}
