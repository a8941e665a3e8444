package com.spurlab.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts label × attribute value per split, and measures each attribute's association with the label. */
final class CompositionCalculator {

    private CompositionCalculator() {
    }

    /** A row as the calculator needs it. */
    record Row(String label, String split, Map<String, String> attributes) {
    }

    static Composition of(List<Row> rows) {
        Map<String, Integer> splits = new TreeMap<>();
        TreeSet<String> labels = new TreeSet<>();
        Map<String, TreeSet<String>> values = new TreeMap<>();
        for (Row row : rows) {
            splits.merge(row.split(), 1, Integer::sum);
            labels.add(row.label());
            row.attributes().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        Map<String, List<String>> attributes = new TreeMap<>();
        Map<String, Composition.AttributeComposition> byAttribute = new TreeMap<>();
        for (var entry : values.entrySet()) {
            String attribute = entry.getKey();
            attributes.put(attribute, new ArrayList<>(entry.getValue()));
            Map<String, Map<String, Map<String, Integer>>> counts = new TreeMap<>();
            for (Row row : rows) {
                String value = row.attributes().get(attribute);
                if (value != null) {
                    counts.computeIfAbsent(row.split(), s -> new TreeMap<>())
                            .computeIfAbsent(row.label(), l -> new TreeMap<>())
                            .merge(value, 1, Integer::sum);
                }
            }
            Map<String, Map<String, Integer>> train = counts.getOrDefault("train", Map.of());
            double v = Association.cramersV(train);
            double nmi = Association.normalizedMutualInformation(train);
            byAttribute.put(attribute, new Composition.AttributeComposition(counts, v, nmi,
                    v >= Composition.SUSPECT_CRAMERS_V));
        }
        return new Composition(splits, new ArrayList<>(labels), attributes, byAttribute);
    }
}
