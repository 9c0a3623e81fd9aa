package io.qorgan.gateway.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The content rules of one policy, compiled once, run against one request at a time.
 *
 * <p>How a request is matched: one {@link MemoryIndex} is built from the request's texts — every text in field
 * {@value #TEXT_FIELD}, each also in its role's field ({@code system}, {@code user}, {@code assistant},
 * {@code tool}), and the roles present as keywords in {@value #ROLE_FIELD} — and every rule's query is counted
 * against it. Building the index is linear in the text; each query costs a few term look-ups in that one-document
 * index. CPU only, no I/O, no locks; instances are immutable and thread-safe.
 */
final class ContentRules {

    static final String TEXT_FIELD = "text";
    static final String ROLE_FIELD = "role";
    static final Set<String> FIELDS = Set.of(TEXT_FIELD, ROLE_FIELD, "system", "user", "assistant", "tool");

    private static final ContentAnalyzer ANALYZER = new ContentAnalyzer();

    private final Query[] queries;

    ContentRules(List<Query> queries) {
        this.queries = queries.toArray(new Query[0]);
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
        Set<String> fields = new LinkedHashSet<>();
        int[] leaves = new int[1];
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                leaves[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query q) {
                leaves[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        for (String field : fields) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field `" + field + ":` in query; fields are "
                        + String.join(", ", List.of("text", "system", "user", "assistant", "tool", "role"))
                        + io.qorgan.gateway.config.Suggestions.didYouMean(field, FIELDS));
            }
        }
        if (leaves[0] == 0) {
            throw new IllegalArgumentException("the query has no words left after analysis, so it would never match");
        }
        return query;
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

    /** Which queries match these texts: {@code result[i]} for query {@code i}. */
    boolean[] match(List<RoleText> texts) {
        boolean[] matched = new boolean[queries.length];
        if (queries.length == 0 || texts.isEmpty()) {
            return matched;
        }
        MemoryIndex index = new MemoryIndex();
        EnumSet<RoleText.Role> roles = EnumSet.noneOf(RoleText.Role.class);
        for (RoleText t : texts) {
            if (t.text().isEmpty()) {
                continue;
            }
            index.addField(TEXT_FIELD, t.text(), ANALYZER);
            String roleField = t.role().field();
            if (roleField != null) {
                index.addField(roleField, t.text(), ANALYZER);
                roles.add(t.role());
            }
        }
        for (RoleText.Role role : roles) {
            index.addField(ROLE_FIELD, role.field(), ANALYZER);
        }
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        try {
            for (int i = 0; i < queries.length; i++) {
                matched[i] = searcher.count(queries[i]) > 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does no I/O
        }
        return matched;
    }
}
