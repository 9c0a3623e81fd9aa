package io.qorgan.gateway.policy;

import java.io.Reader;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis of content rules, the same for request texts and rule queries: invisible characters (soft hyphen,
 * zero-width space and joiners, BOM) removed, Unicode word tokens, lower case, Latin look-alikes inside Cyrillic
 * words made Cyrillic ({@link LookAlikeFilter}), Kazakh words stripped of their inflectional endings
 * ({@link KazakhLightStemFilter}: "құжаттарыңызды" and "құжат" give the same term; only words with a Kazakh letter,
 * so it must run before those letters are folded), Kazakh letters folded to Russian ones ({@link LetterFoldingFilter}),
 * then by script: Cyrillic words stemmed for Russian
 * ({@link RussianLightStemFilter}: "служебного пользования" and "служебное пользование" give the same terms),
 * Latin words stripped of possessives and stemmed for English (Porter: "passwords" → "password"). Kazakh words go
 * through the Russian stemmer too, after their own: a Kazakh word typed without Kazakh letters ("КУПИЯ") is
 * indistinguishable from Russian and gets only the Russian stemmer, so the same word with its letters must end the
 * same way. A Kazakh word that loses an ending is kept as written too (folded, not stemmed) at the same position, so
 * that wildcards match it: {@code құпия*} matches "құпияның". No stop words, and stemming never drops a token, so
 * phrases keep their positions. Texts added to one
 * field are {@value #TEXT_GAP} positions apart, so a phrase never spans two messages. Field {@code role} is one
 * lower-cased keyword. Thread-safe.
 */
final class ContentAnalyzer extends Analyzer {

    static final int TEXT_GAP = 100;

    /** Invisible characters that would split or disguise a word: removed before tokenizing. */
    private static final NormalizeCharMap INVISIBLE;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String c : new String[] {"\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
            b.add(c, "");
        }
        INVISIBLE = b.build();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(INVISIBLE, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(INVISIBLE, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        if (ContentRules.ROLE_FIELD.equals(fieldName)) {
            Tokenizer keyword = new KeywordTokenizer();
            return new TokenStreamComponents(keyword, new LowerCaseFilter(keyword));
        }
        StandardTokenizer source = new StandardTokenizer();
        TokenStream t = new LookAlikeFilter(new LowerCaseFilter(source));
        t = new KazakhLightStemFilter(t);
        t = new LetterFoldingFilter(t);
        t = new Script(t, Script.CYRILLIC, RussianLightStemFilter::new);
        t = new Script(t, Script.LATIN, in -> new PorterStemFilter(new EnglishPossessiveFilter(in)));
        return new TokenStreamComponents(source, t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        // wildcard, prefix and fuzzy terms of queries: not stemmed, but lower-cased and folded like the text
        return new LetterFoldingFilter(new LookAlikeFilter(new LowerCaseFilter(in)));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return TEXT_GAP;
    }

    /** Applies a filter only to the tokens of one script (decided by their first letter). */
    private static final class Script extends ConditionalTokenFilter {
        static final int CYRILLIC = 0;
        static final int LATIN = 1;

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final int script;

        Script(TokenStream input, int script, Function<TokenStream, TokenStream> filter) {
            super(input, filter);
            this.script = script;
        }

        @Override
        protected boolean shouldFilter() {
            char[] b = term.buffer();
            for (int i = 0, n = term.length(); i < n; i++) {
                char c = b[i];
                if (Character.isLetter(c)) {
                    boolean cyrillic = c >= 0x0400 && c <= 0x052F;
                    boolean latin = c < 0x0250;
                    return script == CYRILLIC ? cyrillic : latin;
                }
            }
            return false;
        }
    }
}
