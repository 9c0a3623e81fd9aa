package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.Suggestions;
import io.qorgan.gateway.protect.ProtectionFailed;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The content rules of one policy, compiled once, run against one request at a time.
 *
 * <p>How a request is matched, in one pass: each text is analysed once ({@link ContentAnalyzer}), giving the set of
 * (field, term) the request holds — field {@value #TEXT_FIELD} for every text, its role's field ({@code system},
 * {@code user}, {@code assistant}, {@code tool}) and the roles present as keywords in {@value #ROLE_FIELD}, each
 * only when some rule searches that field. Every rule is first judged on that set with hash look-ups (a judge built
 * from its query at compile time): words and their boolean combinations are decided there, and a rule whose words
 * are missing is out. Only rules left undecided (a phrase or proximity whose words are all there, wildcards) are
 * counted against one {@link MemoryIndex} built from the same tokens. So a typical request costs its analysis and
 * a few look-ups per rule, and the index is built only when some phrase or wildcard may match.
 * CPU only, no I/O, no locks; instances are immutable and thread-safe.
 */
final class ContentRules {

    static final String TEXT_FIELD = "text";
    static final String ROLE_FIELD = "role";
    static final Set<String> FIELDS = Set.of(TEXT_FIELD, ROLE_FIELD, "system", "user", "assistant", "tool");

    private static final ContentAnalyzer ANALYZER = new ContentAnalyzer();

    /** What the request's terms alone say about a query: it matches, it does not, or only the index can tell. */
    private static final int NO = 0;

    private static final int MAYBE = 1;
    private static final int YES = 2;

    /** A query judged on the set of (field, term) a request holds; exact for terms and their combinations. */
    @FunctionalInterface
    private interface Judge {
        Judge MAYBE_ALWAYS = terms -> MAYBE;
        Judge NEVER = terms -> NO;

        int judge(Set<String> terms);
    }

    /** The key of a term in a request's term set: field, NUL, term text. */
    private static String key(String field, String term) {
        return field + '\u0000' + term;
    }

    private static String key(Term t) {
        return key(t.field(), t.text());
    }

    private final Query[] queries;
    private final Judge[] judges;
    private final boolean textField;
    private final boolean roleField;
    private final Set<RoleText.Role> roleFields;

    ContentRules(List<Query> queries) {
        this(queries, true);
    }

    /** With {@code shortcut} false every query is counted against the index (tests compare both ways). */
    ContentRules(List<Query> queries, boolean shortcut) {
        this.queries = queries.toArray(new Query[0]);
        this.judges = new Judge[this.queries.length];
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 0; i < this.queries.length; i++) {
            judges[i] = shortcut ? judge(this.queries[i]) : Judge.MAYBE_ALWAYS;
            fields.addAll(fields(this.queries[i]));
        }
        this.textField = fields.contains(TEXT_FIELD);
        this.roleField = fields.contains(ROLE_FIELD);
        Set<RoleText.Role> roles = EnumSet.noneOf(RoleText.Role.class);
        for (RoleText.Role r : RoleText.Role.values()) {
            if (r.field() != null && fields.contains(r.field())) {
                roles.add(r);
            }
        }
        this.roleFields = roles;
    }

    int size() {
        return queries.length;
    }

    /**
     * Parses a query in the classic syntax with this analysis.
     *
     * @throws IllegalArgumentException with a one-line reason when the query cannot be parsed, names an unknown
     *     field, or has no term left after analysis
     */
    static Query compile(String text) {
        QueryParser parser = new QueryParser(TEXT_FIELD, ANALYZER);
        Query query;
        try {
            query = parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid query: " + parseReason(e));
        }
        for (String field : fields(query)) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field `" + field + ":` in query; fields are "
                        + "text, system, user, assistant, tool, role" + Suggestions.didYouMean(field, FIELDS));
            }
        }
        int[] leaves = new int[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                leaves[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query q) {
                leaves[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (leaves[0] == 0) {
            throw new IllegalArgumentException("the query has no words left after analysis, so it would never match");
        }
        return query;
    }

    private static Set<String> fields(Query query) {
        Set<String> fields = new LinkedHashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }

    private static String parseReason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = m.indexOf("': ");
        if (m.startsWith("Cannot parse '") && colon > 0) {
            m = m.substring(colon + 3);
        }
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.strip();
    }

    /** A phrase, its words by position: out when a position has none of its words there, else the index tells. */
    private static Judge phrase(Term[][] positions) {
        String[][] ks = Arrays.stream(positions)
                .map(forms -> Arrays.stream(forms).map(ContentRules::key).toArray(String[]::new))
                .toArray(String[][]::new);
        return ks.length == 0
                ? Judge.NEVER
                : terms -> {
                    for (String[] forms : ks) {
                        boolean any = false;
                        for (String k : forms) {
                            any |= terms.contains(k);
                        }
                        if (!any) {
                            return NO;
                        }
                    }
                    return MAYBE;
                };
    }

    /**
     * How to judge a query on a request's terms. A term is there or not; a disjunction matches when one clause does;
     * a conjunction fails when one required clause fails or one excluded clause matches; a purely negative query
     * matches nothing. A phrase whose terms are all there, and anything else (wildcards, ranges, fuzzy terms), needs
     * the index: {@code MAYBE}. {@code NO} is always exact, so a rule judged {@code NO} is never run.
     */
    private static Judge judge(Query q) {
        if (q instanceof TermQuery tq) {
            String k = key(tq.getTerm());
            return terms -> terms.contains(k) ? YES : NO;
        }
        if (q instanceof PhraseQuery pq) {
            return phrase(Arrays.stream(pq.getTerms()).map(t -> new Term[] {t}).toArray(Term[][]::new));
        }
        if (q instanceof MultiPhraseQuery mq) {
            return phrase(mq.getTermArrays()); // a word in several forms (as written and stemmed) at one position
        }
        if (q instanceof SynonymQuery sq) {
            String[] ks = sq.getTerms().stream().map(ContentRules::key).toArray(String[]::new);
            return terms -> {
                for (String k : ks) {
                    if (terms.contains(k)) {
                        return YES;
                    }
                }
                return NO;
            };
        }
        if (q instanceof BoostQuery bq) {
            return judge(bq.getQuery());
        }
        if (q instanceof ConstantScoreQuery cq) {
            return judge(cq.getQuery());
        }
        if (q instanceof MatchNoDocsQuery) {
            return Judge.NEVER;
        }
        if (q instanceof BooleanQuery bq) {
            List<Judge> required = new ArrayList<>();
            List<Judge> optional = new ArrayList<>();
            List<Judge> excluded = new ArrayList<>();
            for (BooleanClause c : bq.clauses()) {
                switch (c.getOccur()) {
                    case MUST, FILTER -> required.add(judge(c.getQuery()));
                    case SHOULD -> optional.add(judge(c.getQuery()));
                    case MUST_NOT -> excluded.add(judge(c.getQuery()));
                }
            }
            if (required.isEmpty() && optional.isEmpty()) {
                return Judge.NEVER;
            }
            Judge[] all = required.toArray(new Judge[0]);
            Judge[] any = optional.toArray(new Judge[0]);
            Judge[] none = excluded.toArray(new Judge[0]);
            int msm = bq.getMinimumNumberShouldMatch();
            boolean needsAny = required.isEmpty() || msm > 0;
            boolean exactAny = msm <= 1;
            return terms -> {
                int result = YES;
                for (Judge j : all) {
                    result = Math.min(result, j.judge(terms));
                    if (result == NO) {
                        return NO;
                    }
                }
                if (needsAny) {
                    int best = NO;
                    for (Judge j : any) {
                        best = Math.max(best, j.judge(terms));
                        if (best == YES) {
                            break;
                        }
                    }
                    if (best == NO) {
                        return NO;
                    }
                    result = Math.min(result, exactAny ? best : MAYBE);
                }
                for (Judge j : none) {
                    int v = j.judge(terms);
                    if (v == YES) {
                        return NO;
                    }
                    if (v == MAYBE) {
                        result = Math.min(result, MAYBE);
                    }
                }
                return result;
            };
        }
        return Judge.MAYBE_ALWAYS;
    }

    /** Which queries match these texts: {@code result[i]} for query {@code i}. */
    boolean[] match(List<RoleText> texts) {
        return match(texts, Integer.MAX_VALUE);
    }

    /**
     * As {@link #match(List)}, analysing at most {@code maxTerms} words.
     *
     * @throws ProtectionFailed ({@code request_too_complex}) when the texts hold more words than that
     */
    boolean[] match(List<RoleText> texts, int maxTerms) {
        boolean[] matched = new boolean[queries.length];
        if (queries.length == 0 || texts.isEmpty()) {
            return matched;
        }
        // 1. analyse the texts once, in one token stream, into one store of tokens; the (field, term) pairs they hold
        List<RoleText> analysed = new ArrayList<>(texts.size());
        boolean[] toRole = new boolean[texts.size()];
        EnumSet<RoleText.Role> roles = EnumSet.noneOf(RoleText.Role.class);
        for (RoleText t : texts) {
            if (t.text().isEmpty()) {
                continue;
            }
            roles.add(t.role());
            boolean r = roleFields.contains(t.role());
            if (textField || r) {
                toRole[analysed.size()] = r;
                analysed.add(t);
            }
        }
        Analysis analysis = new Analysis(maxTerms, textField);
        analysis.analyse(analysed, toRole);
        Set<String> terms = analysis.keys;
        if (roleField) {
            for (RoleText.Role role : roles) {
                if (role.field() != null) {
                    terms.add(key(ROLE_FIELD, role.field()));
                }
            }
        }
        // 2. each rule judged on those terms; most requests stop here
        boolean[] undecided = new boolean[queries.length];
        boolean any = false;
        for (int i = 0; i < queries.length; i++) {
            int v = judges[i].judge(terms);
            matched[i] = v == YES;
            undecided[i] = v == MAYBE;
            any |= undecided[i];
        }
        if (!any) {
            return matched;
        }
        // 3. the undecided ones (phrases, proximity, wildcards), counted against one in-memory index of the request
        MemoryIndex index = new MemoryIndex();
        if (textField) {
            index.addField(TEXT_FIELD, analysis.replay(null), ContentAnalyzer.TEXT_GAP);
        }
        for (RoleText.Role role : roleFields) {
            if (analysis.has(role)) {
                index.addField(role.field(), analysis.replay(role), ContentAnalyzer.TEXT_GAP);
            }
        }
        if (roleField) {
            for (RoleText.Role role : roles) {
                if (role.field() != null) {
                    index.addField(ROLE_FIELD, role.field(), ANALYZER);
                }
            }
        }
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        try {
            for (int i = 0; i < queries.length; i++) {
                if (undecided[i]) {
                    matched[i] = searcher.count(queries[i]) > 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does no I/O
        }
        return matched;
    }

    /**
     * The tokens of all texts of one request, analysed once, in one store: a term (each distinct one kept once)
     * and a position increment per token, and where each text starts. Its size follows the words of the texts, not
     * their number: a million one-letter strings hold one term. Replayed into each field that needs them; within a
     * field, texts are {@value ContentAnalyzer#TEXT_GAP} positions apart, so a phrase never spans two.
     */
    private static final class Analysis {
        private final int maxTerms;
        private final boolean textField;
        /** The (field, term) keys the request holds, each made once, when its term is first seen in that field. */
        final Set<String> keys = new HashSet<>();

        private final CharArrayMap<String> distinct = new CharArrayMap<>(256, false);
        private final Map<RoleText.Role, Set<String>> roleTerms = new EnumMap<>(RoleText.Role.class);
        private String[] terms = new String[256];
        private int[] increments = new int[256];
        private int count;
        private int[] textStarts = new int[16];
        private RoleText.Role[] textRoles = new RoleText.Role[16];
        private boolean[] textToRole = new boolean[16];
        private int texts;

        Analysis(int maxTerms, boolean textField) {
            this.maxTerms = maxTerms;
            this.textField = textField;
        }

        /**
         * Analyses the texts in one stream, one line apart (a line break always ends a word, so no token spans two
         * texts): setting up the analysis chain once, not once per text, keeps the cost with the words. Each token
         * is given to its text by its offset.
         */
        void analyse(List<RoleText> all, boolean[] toRole) {
            if (all.isEmpty()) {
                return;
            }
            TextsReader reader = new TextsReader(all);
            int current = -1;
            Set<String> ofRole = null;
            RoleText.Role role = null;
            try (TokenStream ts = ANALYZER.tokenStream(TEXT_FIELD, reader)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (count == maxTerms) {
                        throw ProtectionFailed.tooComplex(
                                "more than " + maxTerms + " words for content rules (protection.maxTerms)");
                    }
                    int text = reader.textAt(offset.startOffset());
                    int increment = inc.getPositionIncrement();
                    if (text != current) {
                        while (current < text) {
                            current++;
                            begin(all.get(current).role(), toRole[current]);
                        }
                        role = all.get(text).role();
                        ofRole = toRole[text] ? roleTerms.computeIfAbsent(role, r -> new HashSet<>()) : null;
                        increment = 1; // each text's positions start afresh; the replay puts the gap between texts
                    }
                    String t = distinct.get(term.buffer(), 0, term.length());
                    if (t == null) {
                        t = term.toString();
                        distinct.put(t, t);
                        if (textField) {
                            keys.add(key(TEXT_FIELD, t));
                        }
                    }
                    if (ofRole != null && ofRole.add(t)) {
                        keys.add(key(role.field(), t));
                    }
                    add(t, increment);
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // reading strings does no I/O
            }
            while (current < all.size() - 1) {
                current++;
                begin(all.get(current).role(), toRole[current]); // texts without a word
            }
        }

        private void begin(RoleText.Role role, boolean toRole) {
            if (texts == textStarts.length) {
                textStarts = Arrays.copyOf(textStarts, texts * 2);
                textRoles = Arrays.copyOf(textRoles, texts * 2);
                textToRole = Arrays.copyOf(textToRole, texts * 2);
            }
            textStarts[texts] = count;
            textRoles[texts] = role;
            textToRole[texts] = toRole;
            if (toRole) {
                roleTerms.computeIfAbsent(role, r -> new HashSet<>());
            }
            texts++;
        }

        private void add(String term, int increment) {
            if (count == terms.length) {
                terms = Arrays.copyOf(terms, count * 2);
                increments = Arrays.copyOf(increments, count * 2);
            }
            terms[count] = term;
            increments[count] = increment;
            count++;
        }

        /** Whether some text of {@code role} goes to that role's field. */
        boolean has(RoleText.Role role) {
            return roleTerms.containsKey(role);
        }

        /** The tokens of every text ({@code role} null), or of the texts of {@code role} that go to its field. */
        TokenStream replay(RoleText.Role role) {
            return new TokenStream() {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
                private int text = -1;
                private int next;
                private int end;
                private boolean started;

                @Override
                public boolean incrementToken() {
                    boolean first = false;
                    while (next == end) {
                        if (!nextText()) {
                            return false;
                        }
                        first = started;
                    }
                    clearAttributes();
                    term.setEmpty().append(terms[next]);
                    inc.setPositionIncrement(increments[next] + (first ? ContentAnalyzer.TEXT_GAP : 0));
                    started = true;
                    next++;
                    return true;
                }

                private boolean nextText() {
                    do {
                        text++;
                        if (text >= texts) {
                            return false;
                        }
                    } while (role != null && (textRoles[text] != role || !textToRole[text]));
                    next = textStarts[text];
                    end = text + 1 < texts ? textStarts[text + 1] : count;
                    return true;
                }

                @Override
                public void reset() throws IOException {
                    super.reset();
                    text = -1;
                    next = 0;
                    end = 0;
                    started = false;
                }
            };
        }
    }

    /**
     * Texts one after another with a line break between them, as one {@link Reader} without copying them; knows
     * which text an offset falls in.
     */
    private static final class TextsReader extends Reader {
        private final List<RoleText> texts;
        /** Where each text starts in the stream. */
        private final int[] starts;

        private int text;
        private int pos;
        private int lookup;

        TextsReader(List<RoleText> texts) {
            this.texts = texts;
            this.starts = new int[texts.size()];
            int at = 0;
            for (int i = 0; i < texts.size(); i++) {
                starts[i] = at;
                at += texts.get(i).text().length() + 1;
            }
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len && text < texts.size()) {
                String s = texts.get(text).text();
                if (pos < s.length()) {
                    int k = Math.min(len - n, s.length() - pos);
                    s.getChars(pos, pos + k, buf, off + n);
                    pos += k;
                    n += k;
                } else {
                    buf[off + n++] = '\n';
                    text++;
                    pos = 0;
                }
            }
            return n == 0 ? -1 : n;
        }

        /** The text the stream offset {@code offset} falls in; offsets are asked in increasing order. */
        int textAt(int offset) {
            while (lookup + 1 < starts.length && starts[lookup + 1] <= offset) {
                lookup++;
            }
            return lookup;
        }

        @Override
        public void close() {}
    }
}
