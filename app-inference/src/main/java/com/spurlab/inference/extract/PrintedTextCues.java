package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.PrintedTextCache;
import com.spurlab.inference.extract.ocr.PrintedWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code text:<word>} candidates: OCR of every split image plus, for the association with a class, up
 * to {@code textReferencePerLabel} training images per class (seeded draw). A word that names a class
 * (same stem as a class name) is foreground, not a cue.
 */
final class PrintedTextCues {

    /**
     * @param splitWords per split sample, its words with boxes
     * @param reading    the cache's account (images read vs cached, time)
     */
    record Found(List<CueCandidate> candidates, List<List<PrintedWord>> splitWords, Set<String> foreground,
            PrintedTextCache.Reading reading) {
    }

    private PrintedTextCues() {
    }

    static Found find(ExtractionRequest request, ExtractionProgress progress, double from, double to) {
        List<ExtractionSample> split = request.samples();
        List<Integer> referenceChosen = chooseReference(request.reference(), request.classNames().size(),
                request.settings().textReferencePerLabel(), request.settings().seed());
        List<Path> files = new ArrayList<>(split.size() + referenceChosen.size());
        split.forEach(s -> files.add(s.imageFile()));
        referenceChosen.forEach(r -> files.add(request.reference().get(r).imageFile()));
        PrintedTextCache cache = new PrintedTextCache(request.ocrCache(), request.settings().detectionSide());
        PrintedTextCache.Reading reading = cache.read(files, done -> {
            if (progress.cancelled()) {
                throw new ExtractionCancelledException("reading printed text");
            }
            progress.onProgress("reading printed text", from + (to - from) * done / Math.max(1, files.size()));
        });
        List<List<PrintedWord>> splitWords = reading.words().subList(0, split.size());
        Map<String, BitSet> inSplit = new TreeMap<>();
        for (int i = 0; i < split.size(); i++) {
            for (PrintedWord w : splitWords.get(i)) {
                inSplit.computeIfAbsent(w.text(), k -> new BitSet()).set(i);
            }
        }
        int[] referenceLabels = referenceChosen.stream().mapToInt(r -> request.reference().get(r).label()).toArray();
        List<CueCandidate> candidates = new ArrayList<>();
        Set<String> foreground = new TreeSet<>();
        try (CaptionKeywords analyser = new CaptionKeywords(request.classNames())) {
            for (Map.Entry<String, BitSet> e : inSplit.entrySet()) {
                if (e.getValue().cardinality() < CueScoring.MIN_SUPPORT) {
                    continue;
                }
                if (analyser.stems(e.getKey()).stream().anyMatch(analyser::isForeground)) {
                    foreground.add(e.getKey());
                    continue;
                }
                BitSet inReference = new BitSet();
                for (int r = 0; r < referenceChosen.size(); r++) {
                    String word = e.getKey();
                    if (reading.words().get(split.size() + r).stream().anyMatch(w -> w.text().equals(word))) {
                        inReference.set(r);
                    }
                }
                candidates.add(new CueCandidate(Cues.text(e.getKey()), CueKind.TEXT, e.getValue(), inReference,
                        referenceLabels));
            }
        }
        return new Found(candidates, List.copyOf(splitWords), foreground, reading);
    }

    private static List<Integer> chooseReference(List<ExtractionSample> reference, int classes, int perLabel, long seed) {
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int r = 0; r < reference.size(); r++) {
            byLabel.get(reference.get(r).label()).add(r);
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byLabel) {
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, Math.min(perLabel, members.size())));
        }
        Collections.sort(chosen);
        return chosen;
    }
}
