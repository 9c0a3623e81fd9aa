package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
        boolean[] matched = new boolean[queries.length];
        if (queries.length == 0 || texts.isEmpty()) {
            return matched;
        }
        // 1. analyse each text once; the set of (field, term) the request holds
        List<Tokens> analysed = new ArrayList<>(texts.size());
        Set<String> terms = new HashSet<>();
        EnumSet<RoleText.Role> roles = EnumSet.noneOf(RoleText.Role.class);
        for (RoleText t : texts) {
            if (t.text().isEmpty()) {
                continue;
            }
            roles.add(t.role());
            boolean toRole = roleFields.contains(t.role());
            if (!textField && !toRole) {
                continue;
            }
            Tokens tokens = Tokens.analyse(t.role(), toRole, t.text());
            analysed.add(tokens);
            for (String term : tokens.terms) {
                if (textField) {
                    terms.add(key(TEXT_FIELD, term));
                }
                if (toRole) {
                    terms.add(key(t.role().field(), term));
                }
            }
        }
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
        for (Tokens tokens : analysed) {
            if (textField) {
                index.addField(TEXT_FIELD, tokens.replay(), ContentAnalyzer.TEXT_GAP);
            }
            if (tokens.toRole) {
                index.addField(tokens.role.field(), tokens.replay(), ContentAnalyzer.TEXT_GAP);
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

    /** One text's tokens, analysed once and replayed into each field that needs them. */
    private static final class Tokens {
        final RoleText.Role role;
        final boolean toRole;
        final List<String> terms = new ArrayList<>();
        private final List<Integer> increments = new ArrayList<>();

        private Tokens(RoleText.Role role, boolean toRole) {
            this.role = role;
            this.toRole = toRole;
        }

        static Tokens analyse(RoleText.Role role, boolean toRole, String text) {
            Tokens tokens = new Tokens(role, toRole);
            try (TokenStream ts = ANALYZER.tokenStream(TEXT_FIELD, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens.terms.add(term.toString());
                    tokens.increments.add(inc.getPositionIncrement());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // analysing a string does no I/O
            }
            return tokens;
        }

        TokenStream replay() {
            return new TokenStream() {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
                private int next;

                @Override
                public boolean incrementToken() {
                    if (next == terms.size()) {
                        return false;
                    }
                    clearAttributes();
                    term.setEmpty().append(terms.get(next));
                    inc.setPositionIncrement(increments.get(next));
                    next++;
                    return true;
                }

                @Override
                public void reset() throws IOException {
                    super.reset();
                    next = 0;
                }
            };
        }
    }
}
