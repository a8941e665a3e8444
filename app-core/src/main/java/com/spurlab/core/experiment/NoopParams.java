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
        out.put("millis", String.valueOf(whole(in, "millis", 0, 3_600_000, where)));
        out.put("transientFailures", String.valueOf(whole(in, "transientFailures", 0, 10, where)));
        return out;
    }

    private static int whole(Map<String, String> in, String key, int min, int max, String where) {
        String raw = in.get(key);
        try {
            int value = raw == null ? min : Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("invalid_param", where + ": " + key + " must be a whole number from "
                    + min + " to " + max + ", got '" + raw + "'");
        }
    }
}
