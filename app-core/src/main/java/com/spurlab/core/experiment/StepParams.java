package com.spurlab.core.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.core.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks and completes a step's parameters when it is planned, so a queued job never fails on them. */
final class StepParams {

    static final List<String> TRAIN_METHODS = List.of("ERM");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TRAIN_KEYS = Set.of("method", "epochs", "seed", "groupBy", "batchSize",
            "learningRate", "imageSize");
    private static final Set<String> EVALUATE_KEYS = Set.of("groupBy", "splits");

    private StepParams() {
    }

    static Map<String, String> complete(StepSpec step, int index, List<String> attributes) {
        Map<String, String> in = step.params();
        Map<String, String> out = new LinkedHashMap<>();
        String where = "step " + (index + 1) + " (" + step.type() + ")";
        switch (step.type()) {
            case TRAIN -> {
                unknownKeys(in, TRAIN_KEYS, where);
                String method = in.getOrDefault("method", "ERM").toUpperCase(java.util.Locale.ROOT);
                if (!TRAIN_METHODS.contains(method)) {
                    throw new InvalidRequestException("unsupported_method", where + ": method '" + method
                            + "' is not available in this version; available: " + TRAIN_METHODS);
                }
                out.put("method", method);
                out.put("epochs", String.valueOf(intIn(in, "epochs", 5, 1, 200, where)));
                out.put("seed", String.valueOf(intIn(in, "seed", 42, 0, Integer.MAX_VALUE, where)));
                out.put("batchSize", String.valueOf(intIn(in, "batchSize", 64, 1, 4096, where)));
                out.put("imageSize", String.valueOf(intIn(in, "imageSize", 64, 16, 256, where)));
                out.put("learningRate", String.valueOf(doubleIn(in, "learningRate", 1e-3, 1e-6, 1, where)));
                out.put("groupBy", groupBy(in, attributes, where));
            }
            case EVALUATE -> {
                unknownKeys(in, EVALUATE_KEYS, where);
                out.put("groupBy", groupBy(in, attributes, where));
                String splits = in.getOrDefault("splits", "val,test");
                for (String split : splits.split(",")) {
                    if (!Set.of("train", "val", "test").contains(split.strip())) {
                        throw new InvalidRequestException("invalid_param", where + ": splits must name train, val "
                                + "or test, got '" + split.strip() + "'");
                    }
                }
                out.put("splits", splits.replace(" ", ""));
            }
            default -> throw new InvalidRequestException("unsupported_step", where + ": step type " + step.type()
                    + " is not available in this version; available: TRAIN, EVALUATE");
        }
        return out;
    }

    static String write(Map<String, String> params) {
        try {
            return MAPPER.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job parameters are unreadable", e);
        }
    }

    private static String groupBy(Map<String, String> in, List<String> attributes, String where) {
        if (!in.containsKey("groupBy")) {
            return String.join(",", attributes);
        }
        String value = in.get("groupBy").replace(" ", "");
        for (String name : value.isEmpty() ? new String[0] : value.split(",")) {
            if (!attributes.contains(name)) {
                throw new InvalidRequestException("invalid_param", where + ": groupBy names attribute '" + name
                        + "' which the dataset does not have; it has " + attributes);
            }
        }
        return value;
    }

    private static void unknownKeys(Map<String, String> in, Set<String> allowed, String where) {
        for (String key : in.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidRequestException("invalid_param", where + ": unknown parameter '" + key
                        + "'; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static int intIn(Map<String, String> in, String key, int fallback, int min, int max, String where) {
        String raw = in.get(key);
        try {
            int value = raw == null ? fallback : Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("invalid_param", where + ": " + key + " must be a whole number from "
                    + min + " to " + max + ", got '" + raw + "'");
        }
    }

    private static double doubleIn(Map<String, String> in, String key, double fallback, double min, double max,
                                   String where) {
        String raw = in.get(key);
        try {
            double value = raw == null ? fallback : Double.parseDouble(raw.strip());
            if (!(value >= min && value <= max)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("invalid_param", where + ": " + key + " must be a number from "
                    + min + " to " + max + ", got '" + raw + "'");
        }
    }
}
