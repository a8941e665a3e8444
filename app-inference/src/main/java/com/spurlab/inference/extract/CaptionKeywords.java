package com.spurlab.inference.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Caption words through Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case,
 * English stop words, Porter stemming), so "stripes", "striped" and "stripe" are one keyword. A word
 * whose stem is a stem of a class name is foreground (it names the object) and never a cue. Each stem
 * is shown as its most frequent surface form. Not thread-safe.
 */
final class CaptionKeywords implements AutoCloseable {

    /** U+FFFD from a failed decode, or the marks of UTF-8 read as Latin-1 ("Ã©", "â€™"). */
    private static final Pattern MISDECODED = Pattern.compile("\uFFFD|Ã[\u0080-\u00BF]|â€");
    private static final int MIN_LENGTH = 2;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Set<String> foreground;
    private final Map<String, Map<String, Integer>> surfaces = new HashMap<>();

    CaptionKeywords(List<String> classNames) {
        Set<String> stems = new LinkedHashSet<>();
        for (String name : classNames) {
            stems.addAll(analyse(name, false));
        }
        this.foreground = Set.copyOf(stems);
    }

    /** True when the caption carries text that was decoded with the wrong character set. */
    static boolean misdecoded(String caption) {
        return MISDECODED.matcher(caption).find();
    }

    /** The caption's keyword stems, foreground included; records surface forms for {@link #word}. */
    Set<String> stems(String caption) {
        return analyse(caption, true);
    }

    boolean isForeground(String stem) {
        return foreground.contains(stem);
    }

    /** The most frequent surface form seen for {@code stem}, lower-cased. */
    String word(String stem) {
        Map<String, Integer> forms = surfaces.getOrDefault(stem, Map.of());
        return forms.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).findFirst().orElse(stem);
    }

    private Set<String> analyse(String text, boolean record) {
        Set<String> stems = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("caption", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String stem = term.toString();
                if (stem.length() < MIN_LENGTH) {
                    continue;
                }
                stems.add(stem);
                if (record) {
                    String surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                    surfaces.computeIfAbsent(stem, s -> new HashMap<>()).merge(surface, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse caption text", e);
        }
        return stems;
    }

    /** The foreground stems, for the report. */
    Set<String> foreground() {
        return foreground;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
