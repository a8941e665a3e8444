package com.spurlab.scheduler.step.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.DerivedVersions;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.step.StepExecution;
import com.spurlab.inference.synth.CueValues;
import com.spurlab.inference.synth.SynthesisResult;
import com.spurlab.inference.synth.SynthesizedItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The version a synthesis derives: every split of the source shared by reference, the new images added to train,
 * each with its source sample as origin and its provenance (item, operation, sources, seed, augmentation); for a
 * keyword or printed-word cue, the cue's values as the attribute {@code cue:<cue>} of every sample.
 *
 * @param sampleIds the new images' sample ids in the derived version, by item id
 */
record DerivedVersion(DatasetVersionView view, Map<String, Long> sampleIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DerivedVersion derive(DerivedVersions versions, StepExecution<?> job, List<String> classNames,
            List<SampleRecord> records, CueValues values, SynthesisResult result) {
        Map<String, SampleRecord> byId = records.stream()
                .collect(Collectors.toMap(r -> String.valueOf(r.id()), Function.identity()));
        Set<String> splits = new LinkedHashSet<>();
        records.forEach(r -> splits.add(r.split()));
        Map<Long, Map<String, String>> extra = new HashMap<>();
        if (values.cue().inferred()) {
            records.forEach(r -> {
                String value = values.valueOf(String.valueOf(r.id()));
                if (value != null) {
                    extra.put(r.id(), Map.of(result.attribute(), value));
                }
            });
        }
        List<DerivedVersions.AddedSample> added = new ArrayList<>();
        for (SynthesizedItem item : result.items()) {
            SampleRecord source = byId.get(item.sourceSampleId());
            Map<String, String> attributes = new LinkedHashMap<>(source.attributes());
            attributes.put(result.attribute(), item.value());
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("item", item.itemId());
            provenance.put("method", "RECOMBINE");
            provenance.put("operation", item.operation());
            provenance.put("cue", result.cue());
            provenance.put("value", item.value());
            provenance.put("sources", item.sources().stream().map(Long::valueOf).toList());
            provenance.put("seed", item.seed());
            provenance.put("augmentation", item.augmentation());
            added.add(new DerivedVersions.AddedSample(item.imageFile(), item.maskFile(), classNames.get(item.label()),
                    "train", null, attributes, source.id(), provenance));
        }
        DatasetVersionView view = versions.derive(new DerivedVersions.Derivation(job.datasetVersionId(), job.jobId(),
                "SYNTHESIZE", splits, extra, added));
        Map<String, Long> ids = new HashMap<>();
        for (DerivedVersions.MadeSample s : versions.made(view.id())) {
            try {
                JsonNode p = JSON.readTree(s.provenance());
                ids.put(p.path("item").asText(), s.id());
            } catch (IOException e) {
                throw new UncheckedIOException("the provenance of sample " + s.id() + " is unreadable", e);
            }
        }
        return new DerivedVersion(view, ids);
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the working files of the synthesis", e);
        }
    }
}
