package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The content rules of one policy, compiled once, run against one request at a time.
 *
 * <p>How a request is matched: each text is analysed once ({@link ContentAnalyzer}) and its tokens are added to one
 * {@link MemoryIndex} — in field {@value #TEXT_FIELD}, in its role's field ({@code system}, {@code user},
 * {@code assistant}, {@code tool}) and the roles present as keywords in {@value #ROLE_FIELD}, each only when some
 * rule searches that field. Then every rule is tried: first a necessary condition worked out from its query at
 * compile time (the terms it cannot match without, looked up in the index's term dictionary), and only when that
 * holds the query itself is counted against the one-document index. Most rules do not match most requests, so most
 * cost a few term look-ups. CPU only, no I/O, no locks; instances are immutable and thread-safe.
 */
final class ContentRules {

    static final String TEXT_FIELD = "text";
    static final String ROLE_FIELD = "role";
    static final Set<String> FIELDS = Set.of(TEXT_FIELD, ROLE_FIELD, "system", "user", "assistant", "tool");

    private static final ContentAnalyzer ANALYZER = new ContentAnalyzer();

    /** A necessary condition for a query to match, tested on the request's term dictionary. */
    @FunctionalInterface
    private interface Need {
        Need ALWAYS = terms -> true;
        Need NEVER = terms -> false;

        boolean holds(TermLookup terms);
    }

    private final Query[] queries;
    private final Need[] needs;
    private final boolean textField;
    private final boolean roleField;
    private final Set<RoleText.Role> roleFields;

    ContentRules(List<Query> queries) {
        this(queries, true);
    }

    /** With {@code shortcut} false every query is counted (tests compare both ways). */
    ContentRules(List<Query> queries, boolean shortcut) {
        this.queries = queries.toArray(new Query[0]);
        this.needs = new Need[this.queries.length];
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 0; i < this.queries.length; i++) {
            needs[i] = shortcut ? need(this.queries[i]) : Need.ALWAYS;
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

    /**
     * What a query cannot match without. Terms and phrases need their terms; a conjunction needs each required
     * clause, a disjunction one of its clauses; a purely negative query matches nothing; anything else (wildcards,
     * ranges, fuzzy terms) is left to the query itself.
     */
    private static Need need(Query q) {
        if (q instanceof TermQuery tq) {
            Term t = tq.getTerm();
            return terms -> terms.has(t);
        }
        if (q instanceof PhraseQuery pq) {
            Term[] ts = pq.getTerms();
            return ts.length == 0 ? Need.NEVER : terms -> {
                for (Term t : ts) {
                    if (!terms.has(t)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (q instanceof SynonymQuery sq) {
            List<Term> ts = sq.getTerms();
            return terms -> ts.stream().anyMatch(terms::has);
        }
        if (q instanceof BoostQuery bq) {
            return need(bq.getQuery());
        }
        if (q instanceof ConstantScoreQuery cq) {
            return need(cq.getQuery());
        }
        if (q instanceof MatchNoDocsQuery) {
            return Need.NEVER;
        }
        if (q instanceof BooleanQuery bq) {
            List<Need> required = new ArrayList<>();
            List<Need> optional = new ArrayList<>();
            for (BooleanClause c : bq.clauses()) {
                switch (c.getOccur()) {
                    case MUST, FILTER -> required.add(need(c.getQuery()));
                    case SHOULD -> optional.add(need(c.getQuery()));
                    case MUST_NOT -> { } // cannot make a match necessary
                }
            }
            if (required.isEmpty() && optional.isEmpty()) {
                return Need.NEVER;
            }
            Need[] all = required.toArray(new Need[0]);
            Need[] any = optional.toArray(new Need[0]);
            boolean needsAny = required.isEmpty() || bq.getMinimumNumberShouldMatch() > 0;
            return terms -> {
                for (Need n : all) {
                    if (!n.holds(terms)) {
                        return false;
                    }
                }
                if (!needsAny) {
                    return true;
                }
                for (Need n : any) {
                    if (n.holds(terms)) {
                        return true;
                    }
                }
                return false;
            };
        }
        return Need.ALWAYS;
    }

    /** Which queries match these texts: {@code result[i]} for query {@code i}. */
    boolean[] match(List<RoleText> texts) {
        boolean[] matched = new boolean[queries.length];
        if (queries.length == 0 || texts.isEmpty()) {
            return matched;
        }
        MemoryIndex index = new MemoryIndex();
        EnumSet<RoleText.Role> roles = EnumSet.noneOf(RoleText.Role.class);
        Tokens tokens = new Tokens();
        for (RoleText t : texts) {
            if (t.text().isEmpty()) {
                continue;
            }
            roles.add(t.role());
            boolean toRole = roleFields.contains(t.role());
            if (!textField && !toRole) {
                continue;
            }
            tokens.analyse(t.text());
            if (textField) {
                index.addField(TEXT_FIELD, tokens.replay(), ContentAnalyzer.TEXT_GAP);
            }
            if (toRole) {
                index.addField(t.role().field(), tokens.replay(), ContentAnalyzer.TEXT_GAP);
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
        TermLookup lookup = new TermLookup((LeafReader) searcher.getIndexReader().leaves().get(0).reader());
        try {
            for (int i = 0; i < queries.length; i++) {
                matched[i] = needs[i].holds(lookup) && searcher.count(queries[i]) > 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does no I/O
        }
        return matched;
    }

    /** Term look-ups in the request's one-document index, one terms enumeration per field. */
    private static final class TermLookup {
        private final LeafReader reader;
        private final Map<String, TermsEnum> enums = new HashMap<>();

        TermLookup(LeafReader reader) {
            this.reader = reader;
        }

        boolean has(Term term) {
            try {
                TermsEnum te = enums.get(term.field());
                if (te == null && !enums.containsKey(term.field())) {
                    Terms terms = reader.terms(term.field());
                    te = terms == null ? null : terms.iterator();
                    enums.put(term.field(), te);
                }
                return te != null && te.seekExact(term.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One text's tokens, analysed once and replayed into each field that needs them. */
    private static final class Tokens {
        private final List<String> terms = new ArrayList<>();
        private final List<Integer> increments = new ArrayList<>();

        void analyse(String text) {
            terms.clear();
            increments.clear();
            try (TokenStream ts = ANALYZER.tokenStream(TEXT_FIELD, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    terms.add(term.toString());
                    increments.add(inc.getPositionIncrement());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // analysing a string does no I/O
            }
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
