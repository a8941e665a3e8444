package com.spurlab.ui;

import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.Estimate;
import com.spurlab.ui.chart.HeatmapChart;
import com.spurlab.ui.chart.LineChart;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;

/** Test-only page: one chart of each kind the product draws, for the chart component's browser test. */
@Route(value = "test/charts", layout = MainLayout.class)
@PermitAll
public class ChartGalleryView extends VerticalLayout {

    static final List<String> GROUPS = List.of("Dress · warm", "Dress · cool", "T-shirt · warm", "T-shirt · cool");

    public ChartGalleryView() {
        BarChart bars = BarChart.of(GROUPS)
                .series("ERM baseline", List.of(Estimate.of(0.97, 0.95, 0.99, 300), Estimate.of(0.62, 0.55, 0.69, 180),
                        Estimate.of(0.58, 0.50, 0.66, 150), Estimate.of(0.96, 0.93, 0.98, 310)))
                .highlight("T-shirt · warm", "worst group")
                .series("GroupDRO", List.of(Estimate.of(0.90, 0.87, 0.93, 300), Estimate.of(0.84, 0.79, 0.89, 180),
                        Estimate.of(0.81, 0.75, 0.87, 150), Estimate.of(0.91, 0.88, 0.94, 310)))
                .highlight("T-shirt · warm", "worst group").target("target ≥ 80 %", 0.80);
        LineChart curves = LineChart.over("epoch", List.of("1", "2", "3", "4", "5"))
                .series("train accuracy", List.of(0.61, 0.74, 0.82, 0.86, 0.88))
                .series("val worst-group accuracy", Arrays.asList(0.40, 0.52, null, 0.66, 0.71))
                .secondSeries("loss", "train loss", List.of(0.69, 0.52, 0.41, 0.35, 0.31));
        LineChart calibration = LineChart.numeric("confidence").points("accuracy",
                List.of(0.55, 0.65, 0.75, 0.85, 0.95), List.of(0.50, 0.58, 0.71, 0.80, 0.93)).diagonal("perfect calibration");
        HeatmapChart composition = HeatmapChart.of(List.of("warm", "cool"), List.of("Dress", "T-shirt"),
                new double[][] {{285, 15}, {15, 285}}).axes("background", "label");
        HeatmapChart confusion = HeatmapChart.confusionMatrix(List.of("Dress", "T-shirt"), new long[][] {{88, 12}, {30, 70}});
        add(new H3("Per-group accuracy"), chart("chart-bars", bars), new H3("Curves"), chart("chart-lines", curves),
                new H3("Calibration"), chart("chart-calibration", calibration), new H3("Composition"),
                chart("chart-heatmap", composition), new H3("Confusion matrix"), chart("chart-confusion", confusion));
    }

    private static EChart chart(String id, com.spurlab.ui.chart.ChartOption option) {
        EChart chart = new EChart(option);
        chart.setId(id);
        return chart;
    }
}
