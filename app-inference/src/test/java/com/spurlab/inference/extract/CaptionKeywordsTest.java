package com.spurlab.inference.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionKeywordsTest {

    @Test
    void stemsDropStopWordsAndJoinInflections() {
        try (CaptionKeywords keywords = new CaptionKeywords(List.of("t-shirt", "dress"))) {
            assertThat(keywords.stems("A t-shirt on the striped beaches")).containsExactly("shirt", "stripe", "beach");
            assertThat(keywords.stems("stripes near a beach")).contains("stripe", "beach");
            assertThat(keywords.word("stripe")).isIn("striped", "stripes");
        }
    }

    @Test
    void wordsNamingAClassAreForegroundStemAware() {
        try (CaptionKeywords keywords = new CaptionKeywords(List.of("t-shirt", "Dress", "ankle boot"))) {
            assertThat(keywords.stems("dresses and boots")).allSatisfy(s -> assertThat(keywords.isForeground(s)).isTrue());
            assertThat(keywords.isForeground("beach")).isFalse();
        }
    }

    @Test
    void recognisesTextDecodedWithTheWrongCharacterSet() {
        assertThat(CaptionKeywords.misdecoded("a caf\uFFFD on a street")).isTrue();
        assertThat(CaptionKeywords.misdecoded("a cafÃ© on a street")).isTrue();
        assertThat(CaptionKeywords.misdecoded("a café on a street")).isFalse();
    }
}
