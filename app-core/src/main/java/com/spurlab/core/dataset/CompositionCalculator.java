package com.spurlab.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts label × attribute value per split, and tests each attribute's association with the label in every split. */
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
        Map<String, Map<String, Map<String, Map<String, Integer>>>> countsByAttribute = new TreeMap<>();
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
            countsByAttribute.put(attribute, counts);
        }
        int tests = countsByAttribute.values().stream().mapToInt(Map::size).sum();
        Map<String, Composition.AttributeComposition> byAttribute = new TreeMap<>();
        countsByAttribute.forEach((attribute, counts) -> {
            Map<String, Composition.Association> association = new TreeMap<>();
            counts.forEach((split, table) -> association.put(split, Association.test(table)));
            boolean suspected = association.values().stream().anyMatch(a -> a.flags(tests));
            Map<String, Map<String, Integer>> train = counts.getOrDefault("train", Map.of());
            double v = association.containsKey("train") ? association.get("train").cramersV() : 0;
            byAttribute.put(attribute, new Composition.AttributeComposition(counts, v,
                    Association.normalizedMutualInformation(train), suspected, association));
        });
        return new Composition(splits, new ArrayList<>(labels), attributes, byAttribute);
    }
}
