package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KazakhLightStemFilterTest {

    private static String stem(String word) {
        char[] b = word.toCharArray();
        return new String(b, 0, KazakhLightStemFilter.stem(b, b.length));
    }

    /** The terms of a whitespace-separated lower-case text after the filter alone. */
    /** The tokens: a keyword ends with {@code !}, a token at the position of the one before starts with {@code =}. */
    private static List<String> filter(String text, String... keywords) throws IOException {
        Tokenizer source = new WhitespaceTokenizer();
        source.setReader(new StringReader(text));
        TokenStream marked = new SetKeywordMarkerFilter(source, new CharArraySet(List.of(keywords), false));
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = new KazakhLightStemFilter(marked)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add((position.getPositionIncrement() == 0 ? "=" : "") + term + (keyword.isKeyword() ? "!" : ""));
            }
            ts.end();
        }
        return terms;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құжаттың         | құжат
            құпияның         | құпия
            мекенжайдың      | мекенжай
            құжатқа          | құжат
            құпияға          | құпия
            құпиясына        | құпия
            құжатыма         | құжат
            құжатты          | құжат
            құпияны          | құпия
            мекенжайды       | мекенжай
            құпиясын         | құпия
            құжатта          | құжат
            құпияда          | құпия
            құжатында        | құжат
            құжаттан         | құжат
            құпиядан         | құпия
            құжатынан        | құжат
            қазақстаннан     | қазақстан
            құжатпен         | құжат
            құпиямен         | құпия
            мекенжайменен    | мекенжай
            """)
    void stem_caseEndings_areRemoved(String word, String stem) {
        assertThat(stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құжатым          | құжат
            құпиям           | құпия
            құжатың          | құжат
            құпияң           | құпия
            құжатыңыз        | құжат
            құпияңыз         | құпия
            құжаты           | құжат
            құпиясы          | құпия
            мекенжайы        | мекенжай
            өтініші          | өтініш
            құжатымыз        | құжат
            құпиямыз         | құпия
            """)
    void stem_possessiveEndings_areRemoved(String word, String stem) {
        assertThat(stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құжаттар         | құжат
            өтініштер        | өтініш
            құпиялар         | құпия
            мекенжайлар      | мекенжай
            ұйымдар          | ұйым
            """)
    void stem_pluralEndings_areRemoved(String word, String stem) {
        assertThat(stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құжаттарды       | құжат
            құжаттарымыздың  | құжат
            құжаттарыңызды   | құжат
            мекенжайлары     | мекенжай
            өтінішті         | өтініш
            құпиясының       | құпия
            """)
    void stem_caseThenPossessiveThenPlural_allRemoved(String word, String stem) {
        assertThat(stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            салығы           | салық
            бөлігі           | бөлік
            кітабы           | кітап
            жүрегі           | жүрек
            """)
    void stem_consonantVoicedBeforeAPossessive_isWrittenAsWithoutIt(String word, String stem) {
        assertThat(stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            заңға
            қызға
            теңге
            ұйым
            әкім
            үшін
            """)
    void stem_stemWouldBeShorterThanTheMinimum_wordUnchanged(String word) {
        assertThat(stem(word)).isEqualTo(word);
    }

    @Test
    void stem_lettersThatCannotBeThisEndingHere_areKept() {
        assertThat(stem("құжаты")).as("ты follows consonants only: құжат + ы").isEqualTo("құжат");
        assertThat(stem("мәтін"))
                .as("н only follows a possessive that can be removed")
                .isEqualTo("мәтін");
        assertThat(stem("қазақстан")).as("тан never follows с").isEqualTo("қазақстан");
    }

    @Test
    void stem_derivationalSuffixes_areKept() {
        assertThat(stem("қызметтік")).isEqualTo("қызметтік");
        assertThat(stem("құпиялы")).isNotEqualTo("құпия");
    }

    @Test
    void filter_onlyWordsWithAKazakhLetter_areStemmed() throws IOException {
        assertThat(filter("құжаттарыңызды мекенжайыңыз мекенжайы бабында"))
                .containsExactly("құжаттарыңызды!", "=құжат", "мекенжайыңыз!", "=мекенжай", "мекенжайы", "бабында");
    }

    /** Wildcards are compared with the word as written: it stays, a keyword so later stemmers leave it. */
    @Test
    void filter_stemmedWord_isKeptAsWrittenAtItsPosition_unstemmedWordOnce() throws IOException {
        assertThat(filter("құпияның бөлігі құпия"))
                .containsExactly("құпияның!", "=құпия", "бөлігі!", "=бөлік", "құпия");
    }

    @Test
    void filter_russianWords_passUnchanged() throws IOException {
        assertThat(filter("документами для служебного пользования секретно сведения"))
                .containsExactly("документами", "для", "служебного", "пользования", "секретно", "сведения");
    }

    @Test
    void filter_keywordToken_passesUnchanged() throws IOException {
        assertThat(filter("құжаттары құжатқа", "құжаттары")).containsExactly("құжаттары!", "құжатқа!", "=құжат");
    }
}
