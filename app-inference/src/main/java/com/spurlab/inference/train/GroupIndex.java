package com.spurlab.inference.train;

import com.spurlab.inference.data.LabeledImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sample's group as a small integer. The group is {@code LabeledImage.group()}, or the class
 * name when a sample has none, so group-aware methods fall back to class balance.
 *
 * @param names   group names, sorted
 * @param groupOf group index of each sample, in input order
 * @param counts  samples per group
 */
record GroupIndex(List<String> names, int[] groupOf, int[] counts) {

    static GroupIndex of(List<LabeledImage> images, List<String> classNames) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        new TreeMap<String, Boolean>(keysOf(images, classNames)).keySet().forEach(k -> ids.put(k, ids.size()));
        int[] groupOf = new int[images.size()];
        int[] counts = new int[ids.size()];
        for (int i = 0; i < images.size(); i++) {
            groupOf[i] = ids.get(key(images.get(i), classNames));
            counts[groupOf[i]]++;
        }
        return new GroupIndex(new ArrayList<>(ids.keySet()), groupOf, counts);
    }

    int groups() {
        return names.size();
    }

    private static Map<String, Boolean> keysOf(List<LabeledImage> images, List<String> classNames) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        images.forEach(i -> keys.put(key(i, classNames), true));
        return keys;
    }

    private static String key(LabeledImage image, List<String> classNames) {
        return image.group() != null ? image.group() : classNames.get(image.label());
    }
}
