package com.spurlab.core.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameters are bound once, strictly, and described from the record alone. */
class StepCatalogTest {

    enum Colour { RED, BLUE }

    record PaintParams(
            @Min(1) @Max(500) @Described("coats of paint") Integer coats,
            @DecimalMin("0.1") @DecimalMax("2") Double thickness,
            Colour colour,
            List<String> walls,
            @Pattern(regexp = "none|gloss|matt", message = "must be none, gloss or matt") String finish,
            Boolean dry) {
        PaintParams {
            coats = coats == null ? 5 : coats;
            thickness = thickness == null ? 1.0 : thickness;
            colour = colour == null ? Colour.RED : colour;
            finish = finish == null ? "none" : finish;
        }
    }

    static final class Paint implements Step<PaintParams> {
        @Override
        public String type() {
            return "PAINT";
        }

        @Override
        public Class<PaintParams> parameters() {
            return PaintParams.class;
        }

        @Override
        public String description() {
            return "paints";
        }

        @Override
        public Set<ArtifactType> needs() {
            return Set.of();
        }

        @Override
        public Set<ArtifactType> produces() {
            return Set.of(ArtifactType.CUES);
        }

        @Override
        public StepOutcome run(StepExecution<PaintParams> execution) {
            return new StepOutcome(null, "painted");
        }
    }

    private final StepCatalog catalog = new StepCatalog(List.of(new Paint()),
            Validation.buildDefaultValidatorFactory().getValidator());
    private final Step<?> paint = catalog.get("paint", "step 1");

    @Test
    void leftOutParametersTakeTheRecordsDefaultsAndValuesAreCoerced() {
        PaintParams p = (PaintParams) catalog.bind(paint, Map.of("colour", "blue", "walls", "north, south",
                "coats", "7"), "step 1 (PAINT)");
        assertThat(p).isEqualTo(new PaintParams(7, 1.0, Colour.BLUE, List.of("north", "south"), "none", null));
        assertThat(catalog.read("PAINT", catalog.write("PAINT", p))).isEqualTo(p);
    }

    @Test
    void unknownNamesFractionsAndOutOfRangeValuesAreRefusedNamingTheFieldAndTheRange() {
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("coat", 3), "step 2 (PAINT)"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("step 2 (PAINT): unknown parameter 'coat'; allowed: [coats, colour, dry, finish, thickness, walls]");
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("coats", 900), "step 2 (PAINT)"))
                .hasMessage("step 2 (PAINT): coats must be a whole number from 1 to 500, got '900'");
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("coats", 2.7), "step 2 (PAINT)"))
                .hasMessage("step 2 (PAINT): coats must be a whole number from 1 to 500, got '2.7'");
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("thickness", 5), "s"))
                .hasMessage("s: thickness must be a number from 0.1 to 2, got '5.0'");
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("colour", "green"), "s"))
                .hasMessage("s: colour must be one of [RED, BLUE], got 'green'");
        assertThatThrownBy(() -> catalog.bind(paint, Map.of("finish", "shiny"), "s"))
                .hasMessage("s: finish must be none, gloss or matt, got 'shiny'");
        Map<String, Object> nullValued = new LinkedHashMap<>();
        nullValued.put("coats", null);
        assertThat(((PaintParams) catalog.bind(paint, nullValued, "s")).coats()).isEqualTo(5);
    }

    @Test
    void theCatalogDescribesEachParameterWithItsBoundsAndDefault() {
        StepInfo info = catalog.info("PAINT");
        assertThat(info.produces()).containsExactly(ArtifactType.CUES);
        StepParameter coats = info.parameters().get(0);
        assertThat(coats).isEqualTo(new StepParameter("coats", StepParameter.Kind.INTEGER, List.of(), 1.0, 500.0, 5,
                "coats of paint", null));
        assertThat(info.parameters()).extracting(StepParameter::name, StepParameter::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("coats", StepParameter.Kind.INTEGER),
                org.assertj.core.groups.Tuple.tuple("thickness", StepParameter.Kind.NUMBER),
                org.assertj.core.groups.Tuple.tuple("colour", StepParameter.Kind.CHOICE),
                org.assertj.core.groups.Tuple.tuple("walls", StepParameter.Kind.LIST),
                org.assertj.core.groups.Tuple.tuple("finish", StepParameter.Kind.TEXT),
                org.assertj.core.groups.Tuple.tuple("dry", StepParameter.Kind.BOOLEAN));
        assertThat(info.parameters().get(2).choices()).containsExactly("RED", "BLUE");
        assertThat(info.parameters().get(2).defaultValue()).isEqualTo("RED");
    }

    @Test
    void unknownTypesListWhatIsAvailableAndRecordsNeedBoxedComponents() {
        assertThatThrownBy(() -> catalog.get("SCULPT", "step 3"))
                .hasMessage("step 3: step type 'SCULPT' is unknown; available: [PAINT]");
        record Primitive(int n) {
        }
        Step<Primitive> bad = new Step<>() {
            public String type() {
                return "BAD";
            }

            public Class<Primitive> parameters() {
                return Primitive.class;
            }

            public String description() {
                return "";
            }

            public Set<ArtifactType> needs() {
                return Set.of();
            }

            public Set<ArtifactType> produces() {
                return Set.of();
            }

            public StepOutcome run(StepExecution<Primitive> e) {
                return null;
            }
        };
        assertThatThrownBy(() -> new StepCatalog(List.of(bad), Validation.buildDefaultValidatorFactory().getValidator()))
                .hasMessageContaining("must be a boxed type");
    }
}
