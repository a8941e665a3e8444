package com.spurlab.ui.chart;

import static com.spurlab.ui.chart.ChartStyle.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bars per category (a group, a label), one series per compared thing (baseline vs mitigated, runs side by
 * side), each bar with its 95 % interval drawn as a thin whisker, and an optional target line.
 *
 * <p>ECharts has no error bars without JavaScript callbacks; each interval is a {@code pictorialBar} twin of
 * its bar series: same value axis, laid out in the same slot (ECharts lays out bars and pictorial bars with
 * the same rules), reaching the interval's upper end and drawing a 3 px symbol over the interval's length
 * from there. Percent charts take fractions and show percentages.
 */
public final class BarChart implements ChartOption {

    private record Series(String name, List<Estimate> values, Map<String, String> highlighted) {
    }

    private record Target(String label, double value) {
    }

    private static final String BAR_GAP = "30%";
    private static final String CATEGORY_GAP = "25%";

    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
        private boolean horizontal = true;
    private boolean percent = true;
    private String valueName;
    private Target target;

    private BarChart(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    /** Bars for these categories, in this order (top to bottom when horizontal, the default). */
    public static BarChart of(List<String> categories) {
        return new BarChart(categories);
    }

    /** A series: one estimate per category, in the categories' order (null for a category it lacks). */
    public BarChart series(String name, List<Estimate> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for "
                    + categories.size() + " categories");
        }
        series.add(new Series(name, new ArrayList<>(values), new LinkedHashMap<>()));
        return this;
    }

    /** A dashed line at the target with its label (e.g. "target ≥ 85 %"). */
    public BarChart target(String label, double value) {
        this.target = new Target(label, value);
        return this;
    }

    /**
     * Marks a category of the series added last (e.g. its worst group) with a note in the tooltip: the bar is
     * drawn in the error colour when the chart has one series, outlined in it when series are compared.
     */
    public BarChart highlight(String category, String note) {
        if (series.isEmpty()) {
            throw new IllegalStateException("add the series before highlighting its bars");
        }
        if (category != null) {
            series.get(series.size() - 1).highlighted().put(category, note);
        }
        return this;
    }

    /** Categories along the bottom instead of down the side (fits few categories with short names). */
    public BarChart vertical() {
        this.horizontal = false;
        return this;
    }

    /** Plain numbers (counts, scores) instead of fractions shown as percentages. */
    public BarChart plain(String valueName) {
        this.percent = false;
        this.valueName = valueName;
        return this;
    }

    @Override
    public String suggestedHeight() {
        if (!horizontal) {
            return "22em";
        }
        int rows = categories.size() * Math.max(1, series.size());
        return Math.max(12, 5 + rows * 1.6) + "em";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode option = ChartStyle.base();
        boolean legend = series.size() > 1 || target != null;
        if (legend) {
            List<String> names = new ArrayList<>(series.stream().map(Series::name).toList());
            ChartStyle.legend(option, names);
        }
        ObjectNode grid = ChartStyle.grid(option, legend);
        if (horizontal && target != null) {
            grid.put("top", grid.get("top").asInt() + 18);
        }
        ObjectNode categoryAxis = JSON.objectNode().put("type", "category");
        ArrayNode names = categoryAxis.putArray("data");
        categories.forEach(names::add);
        categoryAxis.putObject("axisLabel").put("width", horizontal ? 140 : 90).put("overflow", "break")
                .put("interval", 0);
        categoryAxis.putObject("axisTick").put("alignWithLabel", true);
        ObjectNode valueAxis = JSON.objectNode().put("type", "value");
        if (percent) {
            valueAxis.put("min", 0).put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        } else if (valueName != null) {
            valueAxis.put("name", valueName).put("nameLocation", "middle").put("nameGap", 28);
        }
        if (horizontal) {
            categoryAxis.put("inverse", true);
            option.set("xAxis", valueAxis);
            option.set("yAxis", categoryAxis);
        } else {
            option.set("xAxis", categoryAxis);
            option.set("yAxis", valueAxis);
        }
        ArrayNode out = option.putArray("series");
        for (int s = 0; s < series.size(); s++) {
            ObjectNode bars = bars(series.get(s), s);
            if (s == 0 && target != null) {
                bars.set("markLine", targetLine());
            }
            out.add(bars);
        }
        for (int s = 0; s < series.size(); s++) {
            out.add(whiskers(series.get(s)));
        }
        return option;
    }

    private ObjectNode bars(Series s, int index) {
        ObjectNode bars = JSON.objectNode().put("type", "bar").put("name", s.name())
                .put("barGap", BAR_GAP).put("barCategoryGap", CATEGORY_GAP).put("barMaxWidth", 48);
        bars.putObject("itemStyle").put("color", ChartStyle.color(index)).put("borderRadius", 2);
        ArrayNode data = bars.putArray("data");
        for (int i = 0; i < categories.size(); i++) {
            Estimate e = s.values().get(i);
            String category = categories.get(i);
            ObjectNode item = data.addObject().put("name", category);
            putValue(item, e == null ? null : e.value());
            if (s.highlighted().containsKey(category)) {
                ObjectNode style = item.putObject("itemStyle");
                if (series.size() == 1) {
                    style.put("color", ChartStyle.ERROR);
                } else {
                    style.put("borderColor", ChartStyle.ERROR).put("borderWidth", 3);
                }
            }
            item.putObject("tooltip").put("formatter", tooltip(s, category, e));
        }
        return bars;
    }

    /** The intervals of a series: invisible unless an estimate has one; a twin name keeps them in its legend. */
    private ObjectNode whiskers(Series s) {
        ObjectNode whiskers = JSON.objectNode().put("type", "pictorialBar").put("name", s.name())
                .put("barGap", BAR_GAP).put("barCategoryGap", CATEGORY_GAP).put("barMaxWidth", 48)
                .put("symbol", "rect").put("symbolPosition", "end").put("z", 3);
        whiskers.putObject("itemStyle").put("color", ChartStyle.INTERVAL).put("opacity", 0.85);
        ArrayNode data = whiskers.putArray("data");
        for (int i = 0; i < categories.size(); i++) {
            Estimate e = s.values().get(i);
            ObjectNode item = data.addObject().put("name", categories.get(i));
            if (e == null || !e.hasInterval() || e.high() <= 0) {
                item.putNull("value");
                continue;
            }
            putValue(item, e.high());
            // The symbol hangs from the interval's upper end down to its lower end: a share of the bar length.
            String length = String.format(Locale.ROOT, "%.2f%%", 100 * (e.high() - Math.max(0, e.low())) / e.high());
            ArrayNode size = item.putArray("symbolSize");
            if (horizontal) {
                size.add(length).add(3);
            } else {
                size.add(3).add(length);
            }
            item.putObject("tooltip").put("formatter", tooltip(s, categories.get(i), e));
        }
        return whiskers;
    }

    /** The label sits above the chart (the start of a vertical line on the inverted category axis). */
    private ObjectNode targetLine() {
        ObjectNode line = JSON.objectNode().put("symbol", "none").put("silent", true);
        line.putObject("lineStyle").put("type", "dashed").put("color", ChartStyle.TARGET).put("width", 2);
        line.putObject("label").put("formatter", ChartStyle.escape(target.label()))
                .put("position", horizontal ? "start" : "insideEndTop").put("color", ChartStyle.TARGET);
        ObjectNode point = line.putArray("data").addObject().put("name", target.label());
        double value = percent ? ChartStyle.percent(target.value()) : target.value();
        point.put(horizontal ? "xAxis" : "yAxis", value);
        return line;
    }

    private void putValue(ObjectNode item, Double value) {
        Double shown = percent ? ChartStyle.percent(value) : value;
        if (shown == null) {
            item.putNull("value");
        } else {
            item.put("value", shown);
        }
    }

    private String tooltip(Series s, String category, Estimate e) {
        StringBuilder text = new StringBuilder("<b>").append(ChartStyle.escape(category)).append("</b><br/>");
        if (series.size() > 1) {
            text.append(ChartStyle.escape(s.name())).append(": ");
        }
        text.append(ChartStyle.format(e == null ? null : e.value(), percent));
        if (e != null && e.hasInterval()) {
            text.append(" (95 % CI ").append(ChartStyle.format(e.low(), percent)).append(" – ")
                    .append(ChartStyle.format(e.high(), percent)).append(')');
        }
        if (e != null && e.n() != null) {
            text.append(", n = ").append(e.n());
        }
        if (e != null && e.note() != null) {
            text.append("<br/>").append(ChartStyle.escape(e.note()));
        }
        String note = s.highlighted().get(category);
        if (note != null) {
            text.append("<br/>").append(ChartStyle.escape(note));
        }
        return text.toString();
    }
}
