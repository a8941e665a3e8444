package com.spurlab.inference.extract;

import com.spurlab.inference.data.LabeledImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: an unpacked SpurLab manifest ({@code image,label,split[,caption][,mask][,attr:...]}) as EXTRACT samples. */
record ManifestSamples(List<String> classNames, Map<String, List<ExtractionSample>> bySplit) {

    static ManifestSamples read(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("manifest.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> classNames = new ArrayList<>();
        Map<String, List<ExtractionSample>> bySplit = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), f[c]);
            }
            String label = row.get("label");
            if (!classNames.contains(label)) {
                classNames.add(label);
            }
            Map<String, String> attributes = new HashMap<>();
            header.stream().filter(h -> h.startsWith("attr:")).forEach(h -> attributes.put(h.substring(5), row.get(h)));
            String image = row.get("image");
            String id = image.substring(image.lastIndexOf('/') + 1).replace(".png", "");
            String mask = row.get("mask");
            bySplit.computeIfAbsent(row.get("split"), s -> new ArrayList<>()).add(new ExtractionSample(id, root.resolve(image),
                    classNames.indexOf(label), row.get("caption"), attributes,
                    mask == null || mask.isEmpty() ? null : root.resolve(mask)));
        }
        return new ManifestSamples(classNames, bySplit);
    }

    List<ExtractionSample> split(String name) {
        return bySplit.getOrDefault(name, List.of());
    }

    static List<LabeledImage> images(List<ExtractionSample> samples) {
        return samples.stream().map(s -> new LabeledImage(s.sampleId(), s.imageFile(), s.label(), null)).toList();
    }
}
