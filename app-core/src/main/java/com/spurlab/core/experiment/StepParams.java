package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks and completes a step's parameters when it is planned, so a queued job never fails on them. */
final class StepParams {

    static final List<String> TRAIN_METHODS = List.of("ERM", "REWEIGHT", "GROUP_DRO", "JTT", "DFR");
    /** Methods that weigh or balance groups, so they need group labels from {@code groupBy}; JTT and ERM do not. */
    static final Set<String> GROUP_METHODS = Set.of("REWEIGHT", "GROUP_DRO", "DFR");
    static final List<String> TRAIN_MODELS = List.of("CNN", "RESNET");
    static final List<String> TRAIN_SELECTIONS = List.of("WORST_GROUP", "ACCURACY", "LAST");
    private static final java.util.regex.Pattern AUGMENTATION = java.util.regex.Pattern.compile(
            "none|(flip|crop(=\\d{1,2})?|jitter(=0?\\.\\d+)?)(,(flip|crop(=\\d{1,2})?|jitter(=0?\\.\\d+)?))*");
    private static final Set<String> TRAIN_KEYS = Set.of("method", "epochs", "seed", "groupBy", "batchSize",
            "learningRate", "imageSize", "model", "augmentation", "selection", "patience", "groupDroEta", "jttEpochs",
            "jttUpweight");
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
                out.put("model", oneOf(in, "model", "CNN", TRAIN_MODELS, where));
                out.put("epochs", String.valueOf(intIn(in, "epochs", 5, 1, 200, where)));
                out.put("seed", String.valueOf(intIn(in, "seed", 42, 0, Integer.MAX_VALUE, where)));
                out.put("batchSize", String.valueOf(intIn(in, "batchSize", 64, 1, 4096, where)));
                out.put("imageSize", String.valueOf(intIn(in, "imageSize", 64, 16, 256, where)));
                out.put("learningRate", String.valueOf(doubleIn(in, "learningRate", 1e-3, 1e-6, 1, where)));
                out.put("groupBy", groupBy(in, attributes, where));
                if (GROUP_METHODS.contains(method) && out.get("groupBy").isEmpty()) {
                    throw new InvalidRequestException("invalid_param", where + ": method " + method + " balances groups,"
                            + " so it needs groupBy to name at least one attribute " + (attributes.isEmpty()
                            ? "but the dataset has none; use ERM or JTT" : "from " + attributes));
                }
                String augmentation = in.getOrDefault("augmentation", "none").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
                if (!AUGMENTATION.matcher(augmentation).matches()) {
                    throw new InvalidRequestException("invalid_param", where + ": augmentation must be none or a comma list"
                            + " of flip, crop[=pixels 0-64], jitter[=strength below 1], e.g. 'flip,crop=4,jitter=0.2'; got '"
                            + in.get("augmentation") + "'");
                }
                out.put("augmentation", augmentation);
                out.put("selection", oneOf(in, "selection", "WORST_GROUP", TRAIN_SELECTIONS, where));
                out.put("patience", String.valueOf(intIn(in, "patience", 0, 0, 200, where)));
                out.put("groupDroEta", String.valueOf(doubleIn(in, "groupDroEta", 0.01, 1e-4, 10, where)));
                out.put("jttEpochs", String.valueOf(intIn(in, "jttEpochs", 2, 1, 100, where)));
                out.put("jttUpweight", String.valueOf(doubleIn(in, "jttUpweight", 20, 1, 1000, where)));
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
        return Json.write(params);
    }

    static Map<String, String> read(String json) {
        return Json.readStringMap(json, "job parameters");
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

    private static String oneOf(Map<String, String> in, String key, String fallback, List<String> allowed, String where) {
        String value = in.getOrDefault(key, fallback).strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new InvalidRequestException("invalid_param", where + ": " + key + " must be one of " + allowed
                    + ", got '" + in.get(key) + "'");
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

    /** A whole-number parameter in [min, max], or {@code fallback} when absent; shared with NOOP's parameters. */
    static int intIn(Map<String, String> in, String key, int fallback, int min, int max, String where) {
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
