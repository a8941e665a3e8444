package com.spurlab.core.step;

import java.util.Set;

/**
 * One step type. Registering an implementation as a bean is all it takes: the {@link StepCatalog} hands it
 * to the API (plans and their 400s), the OpenAPI document (one schema per step type), the experiment form
 * and the queue (its slot and its runner).
 *
 * @param <P> the step's parameter record: its components are the parameters; their bounds are Jakarta
 *            validation constraints ({@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @Pattern} ...), their
 *            meaning a {@link Described}; a null component is filled with its default by the record's own
 *            constructor, so the defaults live in one place too
 */
public interface Step<P extends Record> {

    /** The name plans use, upper case (e.g. TRAIN). */
    String type();

    Class<P> parameters();

    /** What the step does, in a sentence a lead understands. */
    String description();

    /** The artifacts it cannot run without; a plan that cannot supply them is refused. */
    Set<ArtifactType> needs();

    /**
     * The artifacts it takes when a step upstream makes them and does without otherwise (AUDIT uses an EDIT run's
     * EDIT_SET): a plan need not supply them, and a step upstream that makes one hands it over through
     * {@link StepInputs} like any other artifact.
     */
    default Set<ArtifactType> uses() {
        return Set.of();
    }

    /** The artifacts it makes. */
    Set<ArtifactType> produces();

    /** Whether leads may plan it; false for the installation's own work (dataset validation). */
    default boolean plannable() {
        return true;
    }

    default StepResources resources(P params) {
        return StepResources.MODEL;
    }

    /**
     * Checks what depends on the dataset or on other steps and fills such defaults, at plan time; throws
     * {@link com.spurlab.core.InvalidRequestException} with what to fix.
     */
    default P prepare(P params, PlanContext plan) {
        return params;
    }

    StepOutcome run(StepExecution<P> execution) throws Exception;
}
