package io.qorgan.gateway.policy;

import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A content rule, compiled.
 *
 * @param appliesTo the upstream classes it applies to (all when it names none)
 * @param routeTo   the target of a {@link Action#ROUTE} rule, else null
 * @param source    the file that defines it, for messages
 */
record Rule(
        String id,
        String description,
        String queryText,
        Query query,
        Action action,
        String routeTo,
        boolean shadow,
        Set<DataClass> appliesTo,
        String source) {

    enum Action {
        BLOCK,
        FLAG,
        ROUTE
    }

    boolean appliesTo(DataClass dataClass) {
        return appliesTo.isEmpty() || appliesTo.contains(dataClass);
    }
}
