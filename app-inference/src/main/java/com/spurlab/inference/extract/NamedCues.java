package com.spurlab.inference.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Candidate cues with a name from the data: attribute values and caption keywords. */
final class NamedCues {

    private NamedCues() {
    }

    /** Each {@code attribute:<name>=<value>} carried by at least {@link CueScoring#MIN_SUPPORT} split samples. */
    static List<CueCandidate> attributes(List<ExtractionSample> split, List<ExtractionSample> reference) {
        Map<String, BitSet> inSplit = new TreeMap<>();
        for (int i = 0; i < split.size(); i++) {
            for (Map.Entry<String, String> a : split.get(i).attributes().entrySet()) {
                if (a.getValue() != null && !a.getValue().isBlank()) {
                    inSplit.computeIfAbsent(Cues.attribute(a.getKey(), a.getValue()), k -> new BitSet()).set(i);
                }
            }
        }
        int[] referenceLabels = reference.stream().mapToInt(ExtractionSample::label).toArray();
        List<CueCandidate> candidates = new ArrayList<>();
        for (Map.Entry<String, BitSet> e : inSplit.entrySet()) {
            if (e.getValue().cardinality() < CueScoring.MIN_SUPPORT) {
                continue;
            }
            BitSet inReference = new BitSet();
            for (int r = 0; r < reference.size(); r++) {
                for (Map.Entry<String, String> a : reference.get(r).attributes().entrySet()) {
                    if (a.getValue() != null && Cues.attribute(a.getKey(), a.getValue()).equals(e.getKey())) {
                        inReference.set(r);
                    }
                }
            }
            candidates.add(new CueCandidate(e.getKey(), CueKind.ATTRIBUTE, e.getValue(), inReference, referenceLabels));
        }
        return candidates;
    }

    /** Caption keywords and what the report says about the captions. */
    record Keywords(List<CueCandidate> candidates, Set<String> foreground, List<String> notes) {
    }

    /**
     * Each non-foreground keyword stem in at least {@link CueScoring#MIN_SUPPORT} split captions, named
     * {@code keyword:<its most frequent surface form>}. Blank captions count as none; misdecoded ones are
     * skipped and counted in a note.
     */
    static Keywords keywords(List<ExtractionSample> split, List<ExtractionSample> reference, List<String> classNames) {
        List<String> notes = new ArrayList<>();
        try (CaptionKeywords analyser = new CaptionKeywords(classNames)) {
            int[] bad = new int[1];
            List<Set<String>> splitStems = stems(split, analyser, bad);
            List<Set<String>> referenceStems = stems(reference, analyser, bad);
            long captioned = splitStems.stream().filter(s -> s != null).count();
            if (bad[0] > 0) {
                notes.add(bad[0] + " captions hold characters decoded with the wrong encoding (U+FFFD or UTF-8 read as"
                        + " Latin-1) and were skipped: upload the manifest as UTF-8");
            }
            if (captioned == 0) {
                notes.add("KEYWORDS not used: no sample of the split has a readable caption");
                return new Keywords(List.of(), Set.of(), notes);
            }
            Map<String, BitSet> inSplit = new TreeMap<>();
            Set<String> foreground = new TreeSet<>();
            for (int i = 0; i < splitStems.size(); i++) {
                if (splitStems.get(i) == null) {
                    continue;
                }
                for (String stem : splitStems.get(i)) {
                    if (analyser.isForeground(stem)) {
                        foreground.add(analyser.word(stem));
                    } else {
                        inSplit.computeIfAbsent(stem, k -> new BitSet()).set(i);
                    }
                }
            }
            int[] referenceLabels = reference.stream().mapToInt(ExtractionSample::label).toArray();
            List<CueCandidate> candidates = new ArrayList<>();
            for (Map.Entry<String, BitSet> e : inSplit.entrySet()) {
                if (e.getValue().cardinality() < CueScoring.MIN_SUPPORT) {
                    continue;
                }
                BitSet inReference = new BitSet();
                for (int r = 0; r < referenceStems.size(); r++) {
                    if (referenceStems.get(r) != null && referenceStems.get(r).contains(e.getKey())) {
                        inReference.set(r);
                    }
                }
                candidates.add(new CueCandidate(Cues.KEYWORD + analyser.word(e.getKey()), CueKind.KEYWORD, e.getValue(),
                        inReference, referenceLabels));
            }
            return new Keywords(candidates, foreground, notes);
        }
    }

    /** Per sample its stems, or null when it has no readable caption. */
    static List<Set<String>> stems(List<ExtractionSample> samples, CaptionKeywords analyser, int[] misdecoded) {
        List<Set<String>> stems = new ArrayList<>(samples.size());
        for (ExtractionSample s : samples) {
            String caption = s.caption();
            if (caption == null || caption.isBlank()) {
                stems.add(null);
            } else if (CaptionKeywords.misdecoded(caption)) {
                misdecoded[0]++;
                stems.add(null);
            } else {
                stems.add(analyser.stems(caption));
            }
        }
        return stems;
    }
}
