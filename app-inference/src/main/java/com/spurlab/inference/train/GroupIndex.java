package com.spurlab.inference.train;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.GroupMetrics;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Every sample's group as a small integer: {@link LabeledImage#groupKey}, so a sample without a group
 * is in its class's group and group-aware methods fall back to class balance.
 *
 * @param names   group names, sorted
 * @param groupOf group index of each sample, in input order
 * @param counts  samples per group
 */
record GroupIndex(List<String> names, int[] groupOf, int[] counts) {

    static GroupIndex of(List<LabeledImage> images, List<String> classNames) {
        List<String> keys = images.stream().map(i -> i.groupKey(classNames)).toList();
        List<String> names = List.copyOf(new TreeSet<>(keys));
        int[] groupOf = new int[images.size()];
        int[] counts = new int[names.size()];
        for (int i = 0; i < images.size(); i++) {
            groupOf[i] = names.indexOf(keys.get(i));
            counts[groupOf[i]]++;
        }
        return new GroupIndex(names, groupOf, counts);
    }

    int groups() {
        return names.size();
    }

    /** {@link GroupMetrics#worstGroupAccuracy} over the samples {@code rows}; {@code correct} tests a sample index. */
    double worstGroupAccuracy(int[] rows, IntPredicate correct) {
        int[] n = new int[groups()];
        int[] hits = new int[groups()];
        for (int i : rows) {
            n[groupOf[i]]++;
            if (correct.test(i)) {
                hits[groupOf[i]]++;
            }
        }
        return GroupMetrics.worstGroupAccuracy(n, hits);
    }

    /**
     * {@code size} training-set indices drawn with replacement so that every group is drawn equally often in
     * expectation: a group uniformly at random, then one of its samples uniformly at random. The same
     * {@code random} gives the same draw.
     */
    int[] balancedDraw(int size, Random random) {
        int[][] members = new int[groups()][];
        int[] filled = new int[groups()];
        for (int g = 0; g < members.length; g++) {
            members[g] = new int[counts[g]];
        }
        for (int i = 0; i < groupOf.length; i++) {
            members[groupOf[i]][filled[groupOf[i]]++] = i;
        }
        int[] draw = new int[size];
        for (int i = 0; i < size; i++) {
            int[] group = members[random.nextInt(members.length)];
            draw[i] = group[random.nextInt(group.length)];
        }
        return draw;
    }
}
