package com.spurlab.ui.chart;

import static com.spurlab.ui.chart.ChartStyle.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A table of counts as colour, each cell labelled with its number, with a colour legend. Several heat maps
 * that are read together (one per split) share one {@link #scale(double)} so equal colours mean equal counts.
 */
public final class HeatmapChart implements ChartOption {

    private static final String LOW = "#eef3fc";
    private static final String HIGH = "#1457b8";

    private final List<String> columns;
    private final List<String> rows;
    private final double[][] values;
    private String columnName;
    private String rowName;
    private Double scale;
    private boolean percent;

    private HeatmapChart(List<String> columns, List<String> rows, double[][] values) {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException(values.length + " value rows for " + rows.size() + " rows");
        }
        for (double[] row : values) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(row.length + " values in a row for " + columns.size() + " columns");
            }
        }
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.values = values;
    }

    /** {@code values[row][column]}. */
    public static HeatmapChart of(List<String> columns, List<String> rows, double[][] values) {
        return new HeatmapChart(columns, rows, values);
    }

    /** True labels down the side, predicted labels along the top; rows are read as "of the true class". */
    public static HeatmapChart confusionMatrix(List<String> labels, long[][] counts) {
        double[][] values = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            values[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                values[i][j] = counts[i][j];
            }
        }
        return of(labels, labels, values).axes("predicted", "true label");
    }

    public HeatmapChart axes(String columnName, String rowName) {
        this.columnName = columnName;
        this.rowName = rowName;
        return this;
    }

    /** The count that gets the darkest colour; give every heat map read together the same one. */
    public HeatmapChart scale(double max) {
        this.scale = max;
        return this;
    }

    /** Values are fractions, labelled as percentages. */
    public HeatmapChart percent() {
        this.percent = true;
        return this;
    }

    /** The {row, column} of a clicked cell, from its index in the series' data (row by row). */
    public int[] cell(int dataIndex) {
        return new int[] {dataIndex / columns.size(), dataIndex % columns.size()};
    }

    /** The largest value in the table, for a shared {@link #scale(double)}. */
    public double max() {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    @Override
    public String suggestedHeight() {
        return Math.max(10, 6.5 + rows.size() * 2.2) + "em";
    }

    @Override
    public String suggestedMaxWidth() {
        return Math.max(24, 12 + columns.size() * 9) + "em";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode option = ChartStyle.base();
        double max = scale != null ? scale : Math.max(1, max());
        option.putObject("grid").put("left", 8).put("right", 16).put("top", columnName == null ? 8 : 28)
                .put("bottom", 52).put("containLabel", true);
        ObjectNode x = option.putObject("xAxis").put("type", "category").put("position", "top");
        ArrayNode xs = x.putArray("data");
        columns.forEach(xs::add);
        x.putObject("axisLabel").put("interval", 0).put("width", 90).put("overflow", "break");
        x.putObject("splitArea").put("show", true);
        if (columnName != null) {
            x.put("name", columnName).put("nameLocation", "middle").put("nameGap", 24);
        }
        ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
        ArrayNode ys = y.putArray("data");
        rows.forEach(ys::add);
        y.putObject("axisLabel").put("width", 120).put("overflow", "break");
        if (rowName != null) {
            y.put("name", rowName).put("nameLocation", "end");
        }
        ObjectNode map = option.putObject("visualMap").put("type", "continuous").put("min", 0)
                .put("max", percent ? ChartStyle.percent(max) : max).put("calculable", false)
                .put("orient", "horizontal").put("left", "center").put("bottom", 0).put("itemHeight", 160)
                .put("precision", percent ? 1 : 0);
        map.putObject("inRange").putArray("color").add(LOW).add(HIGH);
        map.putArray("text").add(percent ? "more" : "more images").add("fewer");
        ObjectNode series = option.putArray("series").addObject().put("type", "heatmap");
        series.putObject("label").put("show", true);
        series.putObject("itemStyle").put("borderColor", "#ffffff").put("borderWidth", 2);
        ArrayNode data = series.putArray("data");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double shown = percent ? ChartStyle.percent(v) : v;
                ObjectNode cell = data.addObject();
                cell.putArray("value").add(c).add(r).add(shown);
                String text = percent ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : ChartStyle.format(v, false);
                cell.putObject("label").put("formatter", text)
                        .put("color", v > 0.55 * max ? "#ffffff" : ChartStyle.TEXT);
                cell.putObject("tooltip").put("formatter", ChartStyle.escape(rows.get(r)) + " × "
                        + ChartStyle.escape(columns.get(c)) + ": <b>" + text + "</b>");
            }
        }
        return option;
    }
}
