package io.qorgan.gateway.policy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Removes the inflectional endings of Kazakh words, so that "құжаттарымыздың", "құжатқа" and "құжат" are one term.
 * Only words that are certainly Kazakh are touched: those with a Kazakh letter (ә ғ қ ң ө ұ ү һ і), anywhere, the
 * ending included ("мекенжайыңыз" is stemmed, "мекенжайы" is not). Russian words never have one, so they pass
 * unchanged. A token marked as a keyword is left alone, as Lucene's stemmers do.
 *
 * <p>How a word is stemmed. Kazakh attaches endings in a fixed order: stem, plural, possessive, case
 * ("құжат·тар·ымыз·дың"). They are removed from the end in the reverse order, each layer at most once: a case
 * ending, then a possessive one, then the plural. In each layer the longest ending that fits is removed. An ending
 * fits when the word ends with it, the letter before it is one it may follow (Kazakh picks the variant of an ending
 * by that letter: "құжатты" but "құпияны"; so "құжаты" is "құжат" + possessive ы, never "құжа" + accusative ты),
 * and at least {@value #MIN_STEM} letters remain. The case endings that only ever follow a possessive (н, на/не,
 * нда/нде, нан/нен after ы/і; а/е after м/ң) are removed only when that possessive is then removed too: so
 * "құпиясын" loses н and сы, while "мәтін" (text) keeps its н. When a possessive beginning with a vowel was removed
 * and the stem ends in ғ, г or б, that consonant is turned back into қ, к or п, as written without the ending
 * ("салығы" → "салық", "бөлігі" → "бөлік", "кітабы" → "кітап").
 *
 * <p>Why {@value #MIN_STEM}: Kazakh is full of three-letter roots, and a three-letter remainder is too often another
 * word ("теңге" would become "тең", equal; "әкім" "әкі"; "ұйым" "ұйы"). So three-letter roots keep their endings
 * ({@code заң} does not match "заңға"). Derivational suffixes (-лы/-лі, -шы/-ші, -лық/-лік, -дағы/-дегі) are
 * not removed: "құпиялы" stays apart from "құпия". This is a light stemmer without a dictionary: a word whose own
 * last letters look like an ending may lose them ("кеңесі" gives "кеңе", not "кеңес").
 *
 * <p>Runs on lower-case Cyrillic (after {@link LookAlikeFilter}, before {@link LetterFoldingFilter}, which folds
 * away the letters this filter decides on). A word that loses an ending is kept as written too, at the same
 * position and marked as a keyword, for wildcards. The stem is not marked: the Russian stemmer still runs on it,
 * because the same word typed without Kazakh letters ("КУПИЯ") gets the Russian stemmer alone, and both must give
 * one term. No regular expression and no allocation per word.
 */
final class KazakhLightStemFilter extends TokenFilter {

    /** The fewest letters a stem keeps. */
    static final int MIN_STEM = 4;

    private static final String VOWEL = "аәеёиоөуұүыіэюя";
    /** Voiced consonants, with у and и, which end a syllable as w and j: "ауруды", "ауруы". */
    private static final String VOICED = "ғжзйлмнңруи";
    /** Voiceless consonants, with б в г д, which end loanwords voiceless: "клубқа". */
    private static final String VOICELESS = "бвгдкқпстфхһцчшщ";
    /** Not с before тан: "Қазақстан", "Түркістан" are names, not "Қазақс" + тан (at the cost of "жұмыстан"). */
    private static final String VOICELESS_BUT_S = "бвгдкқптфхһцчшщ";

    private static final String CONSONANT = VOICED + VOICELESS;
    private static final String VOWEL_OR_VOICED = VOWEL + VOICED;
    /** The last letter of a third-person possessive (ы, і, сы, сі). */
    private static final String POSSESSIVE_3 = "ыі";
    /** The last letter of a first- or second-person singular possessive (ым, ім, м; ың, ің, ң). */
    private static final String POSSESSIVE_12 = "мң";

    /** One ending: its letters, the letters it may follow, and whether it only ever follows a possessive. */
    private record Ending(char[] letters, String after, boolean onlyAfterPossessive) {

        boolean fits(char[] s, int len) {
            int n = letters.length;
            if (len - n < MIN_STEM) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (s[len - n + i] != letters[i]) {
                    return false;
                }
            }
            return after.indexOf(s[len - n - 1]) >= 0;
        }
    }

    private static Ending e(String letters, String after) {
        return new Ending(letters.toCharArray(), after, false);
    }

    /** An ending that follows a possessive (the possessive's last letters are {@code after}). */
    private static Ending afterPossessive(String letters, String after) {
        return new Ending(letters.toCharArray(), after, true);
    }

    private static Ending[] longestFirst(Ending... endings) {
        Arrays.sort(
                endings, Comparator.comparingInt((Ending e) -> e.letters.length).reversed()); // stable
        return endings;
    }

    private static final Ending[] CASE = longestFirst(
            // genitive
            e("ның", VOWEL + "мнң"),
            e("нің", VOWEL + "мнң"),
            e("дың", VOICED),
            e("дің", VOICED),
            e("тың", VOICELESS),
            e("тің", VOICELESS),
            // dative
            e("ға", VOWEL_OR_VOICED),
            e("ге", VOWEL_OR_VOICED),
            e("қа", VOICELESS),
            e("ке", VOICELESS),
            afterPossessive("на", POSSESSIVE_3),
            afterPossessive("не", POSSESSIVE_3),
            afterPossessive("а", POSSESSIVE_12),
            afterPossessive("е", POSSESSIVE_12),
            // accusative
            e("ны", VOWEL),
            e("ні", VOWEL),
            e("ды", VOICED),
            e("ді", VOICED),
            e("ты", VOICELESS),
            e("ті", VOICELESS),
            afterPossessive("н", POSSESSIVE_3),
            // locative
            e("да", VOWEL_OR_VOICED),
            e("де", VOWEL_OR_VOICED),
            e("та", VOICELESS),
            e("те", VOICELESS),
            afterPossessive("нда", POSSESSIVE_3),
            afterPossessive("нде", POSSESSIVE_3),
            // ablative
            e("дан", VOWEL_OR_VOICED),
            e("ден", VOWEL_OR_VOICED),
            e("тан", VOICELESS_BUT_S),
            e("тен", VOICELESS),
            afterPossessive("нан", POSSESSIVE_3),
            afterPossessive("нен", POSSESSIVE_3),
            e("нан", "мнң"),
            e("нен", "мнң"),
            // instrumental
            e("менен", VOWEL_OR_VOICED),
            e("мен", VOWEL_OR_VOICED),
            e("бен", VOICED),
            e("пен", VOICELESS));

    private static final Ending[] POSSESSIVE = longestFirst(
            e("ым", CONSONANT),
            e("ім", CONSONANT),
            e("м", VOWEL), // my
            e("ың", CONSONANT),
            e("ің", CONSONANT),
            e("ң", VOWEL), // your
            e("ыңыз", CONSONANT),
            e("іңіз", CONSONANT),
            e("ңыз", VOWEL),
            e("ңіз", VOWEL), // your (polite)
            e("ы", CONSONANT),
            e("і", CONSONANT),
            e("сы", VOWEL),
            e("сі", VOWEL), // his, her, its, their
            e("ымыз", CONSONANT),
            e("іміз", CONSONANT),
            e("мыз", VOWEL),
            e("міз", VOWEL)); // our

    private static final Ending[] PLURAL = longestFirst(
            e("лар", VOWEL + "рйу"),
            e("лер", VOWEL + "рйу"),
            e("дар", "лмнңжз"),
            e("дер", "лмнңжз"),
            e("тар", VOICELESS),
            e("тер", VOICELESS));

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    /** The stem of the word just given as written, to give next at the same position; reused. */
    private char[] stemChars = new char[32];

    private int stemLength = -1;

    KazakhLightStemFilter(TokenStream in) {
        super(in);
    }

    /**
     * A word that loses an ending is given twice at one position: first as written, marked as a keyword so that later
     * stemmers leave it (wildcards are compared with it: {@code құпия*} matches "құпияның"), then its stem. The stem
     * keeps the other attributes of the word (offsets, type): it is the same word.
     */
    @Override
    public boolean incrementToken() throws IOException {
        if (stemLength >= 0) {
            term.copyBuffer(stemChars, 0, stemLength);
            keyword.setKeyword(false);
            position.setPositionIncrement(0);
            stemLength = -1;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        int len = term.length();
        if (!keyword.isKeyword() && kazakh(b, len)) {
            stemChars = ArrayUtil.grow(stemChars, len);
            System.arraycopy(b, 0, stemChars, 0, len);
            int stemmed = stem(stemChars, len);
            if (stemmed != len || !Arrays.equals(stemChars, 0, len, b, 0, len)) {
                stemLength = stemmed;
                keyword.setKeyword(true);
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        stemLength = -1;
    }

    /** Whether the word has a letter only Kazakh has. */
    static boolean kazakh(char[] s, int len) {
        for (int i = 0; i < len; i++) {
            switch (s[i]) {
                case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і' -> {
                    return true;
                }
                default -> {}
            }
        }
        return false;
    }

    /** Stems the lower-case word in {@code s[0..len)} in place; returns the stem's length. */
    static int stem(char[] s, int len) {
        Ending caseEnding = caseEnding(s, len);
        if (caseEnding != null) {
            len -= caseEnding.letters.length;
        }
        Ending possessive = fitting(POSSESSIVE, s, len);
        if (possessive != null) {
            len -= possessive.letters.length;
            s[len - 1] = devoiced(s[len - 1]);
        }
        Ending plural = fitting(PLURAL, s, len);
        return plural == null ? len : len - plural.letters.length;
    }

    /** The longest case ending that fits; one that only follows a possessive only when a possessive fits before it. */
    private static Ending caseEnding(char[] s, int len) {
        for (Ending e : CASE) {
            if (e.fits(s, len) && (!e.onlyAfterPossessive || fitting(POSSESSIVE, s, len - e.letters.length) != null)) {
                return e;
            }
        }
        return null;
    }

    private static Ending fitting(Ending[] layer, char[] s, int len) {
        for (Ending e : layer) {
            if (e.fits(s, len)) {
                return e;
            }
        }
        return null;
    }

    /** The consonant a stem ends with when nothing follows: a vowel after it had voiced it. */
    private static char devoiced(char c) {
        return switch (c) {
            case 'ғ' -> 'қ';
            case 'г' -> 'к';
            case 'б' -> 'п';
            default -> c;
        };
    }
}
