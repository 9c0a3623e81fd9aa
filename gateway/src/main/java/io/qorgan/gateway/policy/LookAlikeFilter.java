package io.qorgan.gateway.policy;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * In one pass over each lower-case term: in a word that mixes Cyrillic and Latin letters, the Latin look-alikes
 * become their Cyrillic twins (a→а, c→с, e→е, o→о, p→р, x→х, y→у, k→к, m→м, h→н, t→т, b→в, i→і), so «ДСП» typed
 * with a Latin C still matches; words in one script keep it. Invisible format characters (soft hyphen, zero-width
 * space) are dropped. The word then has the letters it was meant to have, before any filter looks at them
 * ({@link KazakhLightStemFilter} decides on them, {@link LetterFoldingFilter} folds them). Expects lower-case input;
 * applied alike to documents and queries.
 */
final class LookAlikeFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LookAlikeFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        int len = term.length();
        boolean mixed = mixedScript(b, len);
        int out = 0;
        for (int i = 0; i < len; i++) {
            char c = mixed ? twin(b[i]) : b[i];
            if (c >= 0x00AD && Character.getType(c) == Character.FORMAT) {
                continue;
            }
            b[out++] = c;
        }
        term.setLength(out);
        return true;
    }

    private static boolean mixedScript(char[] b, int len) {
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < len; i++) {
            char c = b[i];
            cyrillic |= c >= 0x0400 && c <= 0x04FF;
            latin |= c >= 'a' && c <= 'z';
        }
        return cyrillic && latin;
    }

    static char twin(char c) {
        return switch (c) {
            case 'a' -> 'а';
            case 'b' -> 'в';
            case 'c' -> 'с';
            case 'e' -> 'е';
            case 'h' -> 'н';
            case 'i' -> 'і';
            case 'k' -> 'к';
            case 'm' -> 'м';
            case 'o' -> 'о';
            case 'p' -> 'р';
            case 't' -> 'т';
            case 'x' -> 'х';
            case 'y' -> 'у';
            default -> c;
        };
    }
}
