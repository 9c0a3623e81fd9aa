package io.qorgan.gateway.policy;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * In one pass over each lower-case term: in a word that mixes Cyrillic and Latin letters, the
 * Latin look-alikes become their Cyrillic twins (a→а, c→с, e→е, o→о, p→р, x→х, y→у, k→к, m→м, h→н,
 * t→т, b→в, i→і), so «ДСП» typed with a Latin C still matches; words in one script keep it. Then
 * folds the Kazakh letters to their nearest Russian ones (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и) and ё→е,
 * and drops invisible format characters (soft hyphen, zero-width space), so that "ҚБП", "КБП" and "Қ\u00adБП"
 * are one term. Expects lower-case input; applied alike to documents and queries.
 */
final class LetterFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LetterFoldingFilter(TokenStream in) {
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
            if (c < 0x00AD) {
                b[out++] = c;
                continue;
            }
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            b[out++] = fold(c);
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

    static char fold(char c) {
        return switch (c) {
            case 'ә' -> 'а';
            case 'ғ' -> 'г';
            case 'қ' -> 'к';
            case 'ң' -> 'н';
            case 'ө' -> 'о';
            case 'ұ', 'ү' -> 'у';
            case 'һ' -> 'х';
            case 'і' -> 'и';
            case 'ё' -> 'е';
            default -> c;
        };
    }
}
