package com.spurlab.core.step;

import com.spurlab.core.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every step type this installation runs: the {@link Step} beans, in their bean order. Binds and checks
 * a step's parameters, reads stored ones back and describes them for forms and the OpenAPI document.
 */
@Service
public class StepCatalog {

    private final Map<String, Registered<?>> steps = new LinkedHashMap<>();
    private final Validator validator;

    StepCatalog(List<Step<?>> steps, Validator validator) {
        this.validator = validator;
        for (Step<?> step : steps) {
            String type = step.type();
            if (!type.matches("[A-Z][A-Z0-9_]{0,31}")) {
                throw new IllegalStateException("step type '" + type + "' must be 1-32 upper-case letters, digits or _");
            }
            if (this.steps.put(type, register(step)) != null) {
                throw new IllegalStateException("two step beans claim the type " + type);
            }
        }
    }

    private static <P extends Record> Registered<P> register(Step<P> step) {
        return new Registered<>(step, new StepParameters<>(step.parameters()));
    }

    /** A step type by name (case-insensitive); a 400 listing the plannable types when there is none. */
    public Step<?> get(String type, String where) {
        Registered<?> found = type == null ? null : steps.get(type.strip().toUpperCase(Locale.ROOT));
        if (found == null || !found.step().plannable()) {
            throw new InvalidRequestException("unsupported_step", where + ": step type '" + type + "' is unknown;"
                    + " available: " + plannableTypes());
        }
        return found.step();
    }

    /** Any registered step type, plannable or not (the queue runs them all). */
    public Optional<Step<?>> find(String type) {
        return Optional.ofNullable(steps.get(type)).map(Registered::step);
    }

    public List<String> plannableTypes() {
        return steps.values().stream().filter(r -> r.step().plannable()).map(r -> r.step().type()).toList();
    }

    public List<StepInfo> plannable() {
        return steps.values().stream().filter(r -> r.step().plannable()).map(StepCatalog::info).toList();
    }

    public StepInfo info(String type) {
        return info(registered(type));
    }

    /** Binds and checks what a caller sent for a step (unknown names, types and bounds); a 400 names the field. */
    public Record bind(Step<?> step, Map<String, Object> raw, String where) {
        return registered(step.type()).parameters().bind(raw == null ? Map.of() : raw, validator, where);
    }

    /** Runs the step's plan-time checks on bound parameters. */
    public Record prepare(Step<?> step, Record params, PlanContext plan) {
        return prepareTyped(step, params, plan);
    }

    public String write(String type, Record params) {
        return registered(type).parameters().write(params);
    }

    public Record read(String type, String json) {
        return registered(type).parameters().read(json);
    }

    /** Stored parameters as a name → value map, for views; an unknown type (a step removed since) gives its raw JSON keys. */
    public Map<String, Object> asMap(String type, String json) {
        Registered<?> found = steps.get(type);
        if (found == null) {
            return Map.of();
        }
        return found.parameters().asMap(found.parameters().read(json));
    }

    public StepResources resources(String type, Record params) {
        return resourcesTyped(registered(type).step(), params);
    }

    private static <P extends Record> StepResources resourcesTyped(Step<P> step, Record params) {
        return step.resources(step.parameters().cast(params));
    }

    private static <P extends Record> P prepareTyped(Step<P> step, Record params, PlanContext plan) {
        return step.prepare(step.parameters().cast(params), plan);
    }

    private Registered<?> registered(String type) {
        Registered<?> found = steps.get(type);
        if (found == null) {
            throw new IllegalStateException("no step bean of type " + type + " in this installation");
        }
        return found;
    }

    private static StepInfo info(Registered<?> r) {
        return new StepInfo(r.step().type(), r.step().description(), copy(r.step().needs()), copy(r.step().uses()),
                copy(r.step().produces()),
                r.parameters().described());
    }

    private static java.util.Set<ArtifactType> copy(java.util.Set<ArtifactType> types) {
        return types.isEmpty() ? EnumSet.noneOf(ArtifactType.class) : EnumSet.copyOf(types);
    }

    private record Registered<P extends Record>(Step<P> step, StepParameters<P> parameters) {
    }
}
