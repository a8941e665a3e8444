package com.spurlab.core.step;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetVersionView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a step's {@link Step#prepare} may look at when a plan is made.
 *
 * @param where           "step 2 (EVALUATE)": how error messages name the step
 * @param dataset         the version the step will work on, or, when {@code derivedUpstream}, the one an upstream
 *                        step derives its version from (the derived one does not exist yet)
 * @param derivedUpstream true when an upstream step makes the dataset version this step works on
 * @param upstreamParams  the prepared parameters of the steps upstream, nearest first (of the step that made a
 *                        model named by {@code modelRunId} too)
 * @param upstream        the artifact types that steps upstream produce or that parameters name
 */
public record PlanContext(String where, DatasetVersionView dataset, boolean derivedUpstream, List<Object> upstreamParams,
                          Set<ArtifactType> upstream) {

    public PlanContext {
        upstreamParams = List.copyOf(upstreamParams);
        upstream = Set.copyOf(upstream);
    }

    /** The nearest upstream step's parameters of a type: e.g. EVALUATE reads the groupBy of the TRAIN before it. */
    public <T> Optional<T> upstream(Class<T> parametersType) {
        return upstreamParams.stream().filter(parametersType::isInstance).map(parametersType::cast).findFirst();
    }

    public List<String> attributes() {
        Composition c = dataset.composition();
        return c == null ? List.of() : List.copyOf(c.attributes().keySet());
    }

    public List<String> labels() {
        Composition c = dataset.composition();
        return c == null ? List.of() : c.labels();
    }

    public boolean hasSplit(String split) {
        Composition c = dataset.composition();
        return c != null && c.splits().getOrDefault(split, 0) > 0;
    }

    /** The attribute the composition flags most strongly as a suspected cue ({@link Composition#strongestCue()}), if any. */
    public Optional<String> strongestSuspectedCue() {
        Composition c = dataset.composition();
        return c == null ? Optional.empty() : c.strongestCue();
    }

    /** A 400 that names this step: {@code step 2 (TRAIN): <message>}. */
    public InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid_param", where + ": " + message);
    }
}
