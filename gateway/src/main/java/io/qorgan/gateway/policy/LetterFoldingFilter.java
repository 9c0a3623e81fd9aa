package io.qorgan.gateway.policy;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Kazakh letters of each lower-case term to their nearest Russian ones (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у,
 * ү→у, һ→х, і→и) and ё→е, so that "ҚБП" and "КБП" are one term. Runs after {@link LookAlikeFilter} (Latin
 * look-alikes made Cyrillic, invisible characters dropped) and after {@link KazakhLightStemFilter}, which needs the
 * Kazakh letters to know a word is Kazakh. Expects lower-case input; applied alike to documents and queries.
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
        for (int i = 0, len = term.length(); i < len; i++) {
            if (b[i] > 0x0450) {
                b[i] = fold(b[i]);
            }
        }
        return true;
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
