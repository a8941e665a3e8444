package com.spurlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static final List<String> GROUPS = List.of("Dress · warm", "Dress · cool", "T-shirt · warm");

    @Test
    void eachIntervalIsAWhiskerFromItsUpperEndDownToItsLowerEnd() {
        JsonNode option = BarChart.of(GROUPS).series("baseline", List.of(
                Estimate.of(0.80, 0.70, 0.90, 120), Estimate.of(0.5, null, null, 40), Estimate.of(0.25, 0.0, 0.5, 12)))
                .toJson();

        JsonNode bars = option.get("series").get(0);
        JsonNode whiskers = option.get("series").get(1);
        assertThat(bars.get("type").asText()).isEqualTo("bar");
        assertThat(bars.get("data").get(0).get("value").asDouble()).isEqualTo(80.0);
        assertThat(whiskers.get("type").asText()).isEqualTo("pictorialBar");
        assertThat(whiskers.get("name").asText()).isEqualTo("baseline");
        // 0.70–0.90: reaches 90 %, the symbol covers (90 − 70) / 90 of that length, 3 px across (horizontal bars).
        JsonNode first = whiskers.get("data").get(0);
        assertThat(first.get("value").asDouble()).isEqualTo(90.0);
        assertThat(first.get("symbolSize").get(0).asText()).isEqualTo("22.22%");
        assertThat(first.get("symbolSize").get(1).asInt()).isEqualTo(3);
        assertThat(whiskers.get("data").get(1).get("value").isNull()).isTrue();
        assertThat(whiskers.get("data").get(2).get("symbolSize").get(0).asText()).isEqualTo("100.00%");
        // Bars and whiskers share the slot rules, so each whisker sits on its bar.
        assertThat(whiskers.get("barGap")).isEqualTo(bars.get("barGap"));
        assertThat(whiskers.get("barCategoryGap")).isEqualTo(bars.get("barCategoryGap"));
        assertThat(bars.get("data").get(0).get("tooltip").get("formatter").asText())
                .isEqualTo("<b>Dress · warm</b><br/>80.0 % (95 % CI 70.0 % – 90.0 %), n = 120");
    }

    @Test
    void verticalWhiskersAreThinAcrossAndLongAlongTheValueAxis() {
        JsonNode whisker = BarChart.of(List.of("a")).vertical().series("s", List.of(Estimate.of(0.5, 0.4, 0.6, 50)))
                .toJson().get("series").get(1).get("data").get(0);

        assertThat(whisker.get("symbolSize").get(0).asInt()).isEqualTo(3);
        assertThat(whisker.get("symbolSize").get(1).asText()).isEqualTo("33.33%");
    }

    @Test
    void seriesSideBySideWithATargetLineAndALegend() {
        JsonNode option = BarChart.of(GROUPS)
                .series("baseline", List.of(Estimate.of(0.9), Estimate.of(0.6), Estimate.of(0.3)))
                .series("GroupDRO", List.of(Estimate.of(0.85), Estimate.of(0.8), Estimate.of(0.78)))
                .target("target ≥ 85 %", 0.85).highlight("T-shirt · warm", "worst group").toJson();

        assertThat(option.get("series")).hasSize(4);
        assertThat(option.get("legend").get("data")).extracting(JsonNode::asText).containsExactly("baseline", "GroupDRO");
        JsonNode target = option.get("series").get(0).get("markLine");
        assertThat(target.get("data").get(0).get("xAxis").asDouble()).isEqualTo(85.0);
        assertThat(target.get("label").get("formatter").asText()).isEqualTo("target ≥ 85 %");
        JsonNode worst = option.get("series").get(1).get("data").get(2);
        assertThat(worst.get("itemStyle").get("borderColor").asText()).isEqualTo(ChartStyle.ERROR);
        assertThat(option.get("series").get(0).get("data").get(2).has("itemStyle")).isFalse();
        assertThat(worst.get("tooltip").get("formatter").asText()).contains("GroupDRO: 78.0 %").endsWith("worst group");
        assertThat(option.get("series").get(1).get("data").get(0).has("itemStyle")).isFalse();
    }

    @Test
    void theHighlightedBarOfASingleSeriesIsFilledInTheErrorColour() {
        JsonNode option = BarChart.of(GROUPS).series("accuracy",
                List.of(Estimate.of(0.9), Estimate.of(0.6), Estimate.of(0.3))).highlight("T-shirt · warm", "worst group")
                .toJson();

        assertThat(option.get("series").get(0).get("data").get(2).get("itemStyle").get("color").asText())
                .isEqualTo(ChartStyle.ERROR);
    }

    @Test
    void namesFromTheDataAreEscapedInTooltips() {
        JsonNode option = BarChart.of(List.of("<b>x</b>")).plain("images")
                .series("n", List.of(Estimate.of(12.0))).toJson();

        assertThat(option.get("series").get(0).get("data").get(0).get("tooltip").get("formatter").asText())
                .isEqualTo("<b>&lt;b&gt;x&lt;/b&gt;</b><br/>12");
        assertThat(option.get("xAxis").get("name").asText()).isEqualTo("images");
    }

    @Test
    void aSeriesMustHaveOneValuePerCategory() {
        assertThatThrownBy(() -> BarChart.of(GROUPS).series("s", List.of(Estimate.of(0.1))))
                .hasMessageContaining("1 values for 3 categories");
    }
}
