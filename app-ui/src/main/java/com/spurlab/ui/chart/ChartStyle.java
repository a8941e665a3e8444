package com.spurlab.ui.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * What every chart shares: Lumo's colours and font (ECharts draws outside the CSS cascade, so they are
 * literal values), the option skeleton, rounding and text escaping for tooltips.
 */
final class ChartStyle {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Series colours: Lumo primary blue first, then hues that stay apart for colour-blind readers. */
    static final List<String> PALETTE = List.of("#1676f3", "#e8590c", "#2b8a3e", "#7048e8", "#0c8599", "#c2255c",
            "#868e96", "#f59f00");
    static final String ERROR = "#e5383b";
    static final String TEXT = "#1a2533";
    static final String SECONDARY_TEXT = "#5d6d80";
    static final String INTERVAL = "#1a2533";
    static final String TARGET = "#2b8a3e";
    private static final String FONT = "-apple-system, BlinkMacSystemFont, Roboto, 'Segoe UI', Helvetica, Arial, "
            + "sans-serif";

    private ChartStyle() {
    }

    /** The common top of an option: font, palette, short animation, an item tooltip that stays in the chart. */
    static ObjectNode base() {
        ObjectNode option = JSON.objectNode();
        option.putObject("textStyle").put("fontFamily", FONT).put("color", TEXT);
        ArrayNode colors = option.putArray("color");
        PALETTE.forEach(colors::add);
        option.put("animationDuration", 300);
        option.putObject("tooltip").put("trigger", "item").put("confine", true);
        return option;
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Fractions as percentages with one decimal (what the axis and tooltips show); null stays null. */
    static Double percent(Double fraction) {
        return fraction == null ? null : round(100 * fraction, 1);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static String format(Double value, boolean percent) {
        if (value == null) {
            return "—";
        }
        return percent ? String.format(Locale.ROOT, "%.1f %%", 100 * value) : trim(value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    /** Tooltips are HTML: names come from data (labels, attribute values), so they are escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;")
                .replace("}", "&#125;");
    }

    static ObjectNode legend(ObjectNode option, List<String> names) {
        ObjectNode legend = option.putObject("legend").put("type", "scroll").put("top", 0);
        ArrayNode data = legend.putArray("data");
        names.forEach(data::add);
        return legend;
    }

    static ObjectNode grid(ObjectNode option, boolean legend) {
        return option.putObject("grid").put("left", 8).put("right", 32).put("top", legend ? 36 : 16).put("bottom", 8)
                .put("containLabel", true);
    }
}
