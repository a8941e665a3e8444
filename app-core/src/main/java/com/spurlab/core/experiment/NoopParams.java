package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parameters of a NOOP step: {@code millis} to wait (cancellable), {@code transientFailures} — how
 * many first attempts fail with a transient error, so retries can be exercised end to end.
 */
final class NoopParams {

    private static final Set<String> KEYS = Set.of("millis", "transientFailures");

    private NoopParams() {
    }

    static Map<String, String> complete(Map<String, String> in, int index) {
        String where = "step " + (index + 1) + " (NOOP)";
        for (String key : in.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidRequestException("invalid_param", where + ": unknown parameter '" + key
                        + "'; allowed: " + new java.util.TreeSet<>(KEYS));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("millis", String.valueOf(StepParams.intIn(in, "millis", 0, 0, 3_600_000, where)));
        out.put("transientFailures", String.valueOf(StepParams.intIn(in, "transientFailures", 0, 0, 10, where)));
        return out;
    }

}
