package com.spurlab.api;

import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepInfo;
import com.spurlab.core.step.StepParameter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes each step type's parameters in the OpenAPI document as a schema {@code StepParams.<TYPE>}, with
 * their bounds, defaults and meaning, straight from the step catalog: a new step bean appears here unasked.
 */
@Configuration(proxyBeanMethods = false)
class StepSchemas {

    static final String PREFIX = "StepParams.";

    @Bean
    OpenApiCustomizer stepParameterSchemas(StepCatalog catalog) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            for (StepInfo step : catalog.plannable()) {
                openApi.getComponents().addSchemas(PREFIX + step.type(), schema(step));
            }
        };
    }

    static Schema<?> schema(StepInfo step) {
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(step.type() + ": " + step.description() + " Needs " + step.needs()
                + (step.uses().isEmpty() ? "" : ", uses " + step.uses() + " when a step it depends on makes one")
                + ", makes " + step.produces() + ".");
        schema.setAdditionalProperties(false);
        for (StepParameter p : step.parameters()) {
            schema.addProperty(p.name(), property(p));
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> property(StepParameter p) {
        Schema s = switch (p.kind()) {
            case INTEGER -> new IntegerSchema();
            case NUMBER -> new NumberSchema();
            case BOOLEAN -> new BooleanSchema();
            case LIST -> new ArraySchema().items(p.choices().isEmpty() ? new StringSchema()
                    : new StringSchema()._enum(p.choices()));
            case CHOICE -> new StringSchema()._enum(p.choices());
            case TEXT -> new StringSchema().pattern(p.pattern());
        };
        s.setDescription(p.description());
        if (p.min() != null) {
            s.setMinimum(BigDecimal.valueOf(p.min()));
        }
        if (p.max() != null) {
            s.setMaximum(BigDecimal.valueOf(p.max()));
        }
        if (p.defaultValue() != null) {
            s.setDefault(p.defaultValue() instanceof List<?> list ? List.copyOf(list) : p.defaultValue());
        }
        return s;
    }
}
