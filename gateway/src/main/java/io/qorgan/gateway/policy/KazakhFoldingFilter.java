package io.qorgan.gateway.policy;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Kazakh letters to their nearest Russian ones (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и) and ё→е,
 * and drops invisible format characters (soft hyphen, zero-width space), so that "ҚБП", "КБП" and "Қ\u00adБП"
 * are one term. Expects lower-case input; applied alike to documents and queries.
 */
final class KazakhFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    KazakhFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        int len = term.length();
        int out = 0;
        for (int i = 0; i < len; i++) {
            char c = b[i];
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
