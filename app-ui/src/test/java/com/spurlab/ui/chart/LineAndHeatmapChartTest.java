package com.spurlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAndHeatmapChartTest {

    @Test
    void curvesPerEpochWithLossOnASecondAxisAndGapsForMissingValues() {
        JsonNode option = LineChart.over("epoch", List.of("1", "2", "3"))
                .series("val worst-group accuracy", Arrays.asList(0.5, null, 0.75))
                .secondSeries("loss", "train loss", List.of(0.693147, 0.5, 0.4)).target("target", 0.7).toJson();

        JsonNode wga = option.get("series").get(0);
        assertThat(wga.get("data")).extracting(JsonNode::asText).containsExactly("50.0", "null", "75.0");
        assertThat(wga.get("markLine").get("data").get(0).get("yAxis").asDouble()).isEqualTo(70.0);
        JsonNode loss = option.get("series").get(1);
        assertThat(loss.get("yAxisIndex").asInt()).isEqualTo(1);
        assertThat(loss.get("data").get(0).asDouble()).isEqualTo(0.6931);
        assertThat(option.get("yAxis")).hasSize(2);
        assertThat(option.get("xAxis").get("data")).hasSize(3);
    }

    @Test
    void reliabilityDiagramHasPointsAndTheDiagonal() {
        JsonNode option = LineChart.numeric("confidence").points("accuracy", List.of(0.55, 0.95), List.of(0.5, 0.9))
                .diagonal("perfect calibration").toJson();

        assertThat(option.get("series").get(0).get("data").get(1)).extracting(JsonNode::asDouble)
                .containsExactly(95.0, 90.0);
        assertThat(option.get("series").get(1).get("data").get(1)).extracting(JsonNode::asDouble)
                .containsExactly(100.0, 100.0);
    }

    @Test
    void heatMapsReadTogetherShareOneScale() {
        HeatmapChart train = HeatmapChart.of(List.of("warm", "cool"), List.of("dress", "t-shirt"),
                new double[][] {{95, 5}, {5, 95}});
        HeatmapChart test = HeatmapChart.of(List.of("warm", "cool"), List.of("dress", "t-shirt"),
                new double[][] {{10, 10}, {10, 10}});
        double scale = Math.max(train.max(), test.max());

        JsonNode option = test.scale(scale).toJson();

        assertThat(option.get("visualMap").get("max").asDouble()).isEqualTo(95.0);
        JsonNode cell = option.get("series").get(0).get("data").get(1);
        assertThat(cell.get("value")).extracting(JsonNode::asDouble).containsExactly(1.0, 0.0, 10.0);
        assertThat(cell.get("label").get("formatter").asText()).isEqualTo("10");
        assertThat(cell.get("label").get("color").asText()).isEqualTo(ChartStyle.TEXT);
        assertThat(train.scale(scale).toJson().get("series").get(0).get("data").get(0).get("label").get("color")
                .asText()).isEqualTo("#ffffff");
    }

    @Test
    void confusionMatrixHasTrueLabelsDownAndPredictionsAcross() {
        JsonNode option = HeatmapChart.confusionMatrix(List.of("dress", "t-shirt"), new long[][] {{40, 10}, {3, 47}})
                .toJson();

        assertThat(option.get("xAxis").get("name").asText()).isEqualTo("predicted");
        assertThat(option.get("yAxis").get("name").asText()).isEqualTo("true label");
        assertThat(option.get("series").get(0).get("data").get(1).get("tooltip").get("formatter").asText())
                .isEqualTo("dress × t-shirt: <b>10</b>");
    }
}
