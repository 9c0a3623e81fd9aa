package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSetTest {

    private static final WordSet WORDS = new WordSet(Set.of("семь", "восемь", "plus", "a"));

    private static boolean contains(String text) {
        return WORDS.contains(text.toCharArray(), 0, text.length());
    }

    @Test
    void contains_exactWordsOnly() {
        assertThat(contains("семь")).isTrue();
        assertThat(contains("a")).isTrue();
        assertThat(contains("семьсот")).isFalse();
        assertThat(contains("сем")).isFalse();
        assertThat(contains("plux")).isFalse();
    }

    @Test
    void mayBegin_eachWordsFirstTwoChars_true() {
        assertThat(WORDS.mayBegin('с', 'е')).isTrue();
        assertThat(WORDS.mayBegin('в', 'о')).isTrue();
        assertThat(WORDS.mayBegin('p', 'l')).isTrue();
        assertThat(WORDS.mayBegin('a', (char) 0)).isTrue(); // a word of one char
    }

    @Test
    void mayBegin_pairNoWordBeginsWith_false() {
        assertThat(WORDS.mayBegin('с', 'о')).isFalse();
        assertThat(WORDS.mayBegin('p', 'a')).isFalse();
        assertThat(WORDS.mayBegin('a', 'b')).isFalse();
    }
}
