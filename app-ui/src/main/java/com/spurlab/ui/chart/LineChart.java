package com.spurlab.ui.chart;

import static com.spurlab.ui.chart.ChartStyle.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines over ordered steps (epochs, experiments, dataset versions) or over a numeric x (confidence in a
 * reliability diagram): one series per curve, gaps where a value is null, an optional second y axis (loss
 * beside accuracy), a target line and a y = x reference. Percent charts take fractions.
 */
public final class LineChart implements ChartOption {

    private record Series(String name, List<Double> xs, List<Double> ys, boolean secondAxis, boolean dashed) {
    }

    private final List<String> steps;
    private final String xName;
    private final List<Series> series = new ArrayList<>();
    private boolean percent = true;
    private String yName;
    private String secondYName;
    private String targetLabel;
    private Double target;
    private String diagonal;

    private LineChart(String xName, List<String> steps) {
        this.xName = xName;
        this.steps = steps == null ? null : List.copyOf(steps);
    }

    /** Curves over these steps, left to right (e.g. "epoch", ["1", "2", "3"]). */
    public static LineChart over(String xName, List<String> steps) {
        return new LineChart(xName, steps);
    }

    /** Curves through (x, y) points on a numeric x axis from 0 to 1 (shown as percentages when percent). */
    public static LineChart numeric(String xName) {
        return new LineChart(xName, null);
    }

    /** A curve with one value per step (null: no value at that step). */
    public LineChart series(String name, List<Double> values) {
        requireSteps(values);
        series.add(new Series(name, null, new ArrayList<>(values), false, false));
        return this;
    }

    /** A curve on the second y axis (plain numbers, e.g. loss), drawn dashed. */
    public LineChart secondSeries(String axisName, String name, List<Double> values) {
        requireSteps(values);
        this.secondYName = axisName;
        series.add(new Series(name, null, new ArrayList<>(values), true, true));
        return this;
    }

    /** A curve through points, for {@link #numeric(String)} charts. */
    public LineChart points(String name, List<Double> xs, List<Double> ys) {
        if (steps != null || xs.size() != ys.size()) {
            throw new IllegalArgumentException("points need a numeric chart and as many x as y values");
        }
        series.add(new Series(name, new ArrayList<>(xs), new ArrayList<>(ys), false, false));
        return this;
    }

    /** Plain numbers on the y axis (loss, counts) instead of fractions shown as percentages. */
    public LineChart plain(String yName) {
        this.percent = false;
        this.yName = yName;
        return this;
    }

    public LineChart yName(String name) {
        this.yName = name;
        return this;
    }

    public LineChart target(String label, double value) {
        this.targetLabel = label;
        this.target = value;
        return this;
    }

    /** The y = x line (a perfectly calibrated model), for numeric charts. */
    public LineChart diagonal(String label) {
        this.diagonal = label;
        return this;
    }

    @Override
    public String suggestedHeight() {
        return "18em";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode option = ChartStyle.base();
        ((ObjectNode) option.get("tooltip")).put("trigger", "axis");
        List<String> names = new ArrayList<>(series.stream().map(Series::name).distinct().toList());
        if (diagonal != null) {
            names.add(diagonal);
        }
        ChartStyle.legend(option, names);
        ObjectNode grid = ChartStyle.grid(option, true).put("bottom", 28);
        if (yName != null) {
            // containLabel leaves out the axis name: room for it beside the tick labels.
            grid.put("left", 26);
        }
        ObjectNode x = option.putObject("xAxis").put("name", xName).put("nameLocation", "middle").put("nameGap", 26);
        if (steps == null) {
            x.put("type", "value").put("min", 0).put("max", percent ? 100 : 1);
        } else {
            x.put("type", "category").put("boundaryGap", false);
            ArrayNode data = x.putArray("data");
            steps.forEach(data::add);
        }
        if (percent && steps == null) {
            x.putObject("axisLabel").put("formatter", "{value} %");
        }
        ArrayNode y = option.putArray("yAxis");
        ObjectNode first = y.addObject().put("type", "value");
        if (yName != null) {
            first.put("name", yName).put("nameLocation", "middle").put("nameGap", 44);
        }
        if (percent) {
            first.put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
            first.put("scale", steps != null);
            if (steps == null) {
                first.put("min", 0);
            }
        } else {
            first.put("scale", true);
        }
        if (secondYName != null) {
            y.addObject().put("type", "value").put("name", secondYName).put("nameLocation", "middle").put("nameGap", 40)
                    .put("scale", true).putObject("splitLine").put("show", false);
        }
        ArrayNode out = option.putArray("series");
        for (int i = 0; i < series.size(); i++) {
            out.add(line(series.get(i), i));
        }
        if (diagonal != null) {
            ObjectNode ref = out.addObject().put("type", "line").put("name", diagonal).put("symbol", "none")
                    .put("silent", true);
            ref.putObject("lineStyle").put("type", "dotted").put("color", ChartStyle.SECONDARY_TEXT);
            ref.putObject("itemStyle").put("color", ChartStyle.SECONDARY_TEXT);
            double end = percent ? 100 : 1;
            ArrayNode data = ref.putArray("data");
            data.addArray().add(0).add(0);
            data.addArray().add(end).add(end);
        }
        return option;
    }

    private ObjectNode line(Series s, int index) {
        ObjectNode line = JSON.objectNode().put("type", "line").put("name", s.name()).put("showSymbol", true)
                .put("symbolSize", 6).put("connectNulls", false);
        boolean asPercent = percent && !s.secondAxis();
        if (s.secondAxis()) {
            line.put("yAxisIndex", 1);
        }
        line.putObject("lineStyle").put("width", 2).put("type", s.dashed() ? "dashed" : "solid");
        line.putObject("itemStyle").put("color", ChartStyle.color(index));
        ArrayNode data = line.putArray("data");
        for (int i = 0; i < s.ys().size(); i++) {
            Double value = asPercent ? ChartStyle.percent(s.ys().get(i)) : round(s.ys().get(i));
            if (s.xs() == null) {
                if (value == null) {
                    data.addNull();
                } else {
                    data.add(value);
                }
            } else {
                Double xv = percent ? ChartStyle.percent(s.xs().get(i)) : s.xs().get(i);
                ArrayNode point = data.addArray();
                point.add(xv);
                if (value == null) {
                    point.addNull();
                } else {
                    point.add(value);
                }
            }
        }
        if (index == 0 && target != null) {
            ObjectNode mark = line.putObject("markLine").put("symbol", "none").put("silent", true);
            mark.putObject("lineStyle").put("type", "dashed").put("color", ChartStyle.TARGET).put("width", 2);
            mark.putObject("label").put("formatter", ChartStyle.escape(targetLabel)).put("position", "insideEndTop")
                    .put("color", ChartStyle.TARGET);
            mark.putArray("data").addObject().put("name", targetLabel)
                    .put("yAxis", percent ? ChartStyle.percent(target) : target);
        }
        return line;
    }

    private static Double round(Double value) {
        return value == null ? null : ChartStyle.round(value, 4);
    }

    private void requireSteps(List<Double> values) {
        if (steps == null || values.size() != steps.size()) {
            throw new IllegalArgumentException("a step chart needs one value per step (" + (steps == null ? 0
                    : steps.size()) + "), got " + values.size());
        }
    }
}
