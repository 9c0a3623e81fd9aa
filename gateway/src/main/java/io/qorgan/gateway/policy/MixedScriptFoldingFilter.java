package io.qorgan.gateway.policy;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * In a word that mixes Cyrillic and Latin letters, turns the Latin look-alikes into their Cyrillic
 * twins (a→а, c→с, e→е, o→о, p→р, x→х, y→у, k→к, m→м, h→н, t→т, b→в, i→і), so that «ДСП» typed with
 * a Latin C still matches a rule. Words in one script are left alone, so English and Russian words
 * keep their meaning. Expects lower-case input; applied alike to documents and queries.
 */
final class MixedScriptFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    MixedScriptFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        int len = term.length();
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < len; i++) {
            char c = b[i];
            cyrillic |= c >= 0x0400 && c <= 0x04FF;
            latin |= c >= 'a' && c <= 'z';
        }
        if (cyrillic && latin) {
            for (int i = 0; i < len; i++) {
                b[i] = twin(b[i]);
            }
        }
        return true;
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
