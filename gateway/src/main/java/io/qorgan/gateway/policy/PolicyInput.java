package io.qorgan.gateway.policy;

import io.qorgan.gateway.detect.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the evaluator needs of one request.
 *
 * @param agency       the caller's agency id; null or an agency without a policy file uses {@code default}
 * @param route        the route's name, for the cache decision; may be null
 * @param upstream     the upstream the route chose (a name from the gateway configuration)
 * @param model        the requested model, or null when the request names none
 * @param modelMissing whether the request has a body that should name a model and names none as a string (a
 *                     policy that lists models refuses it); false for a bodiless request
 * @param texts        the request's texts with their roles, as sent by the caller (see {@link RequestTexts})
 * @param entityCounts distinct personal data values found, by type (e.g. {@code ProtectedRequest.counts()})
 * @param bodyBytes    the request body's size in bytes
 */
public record PolicyInput(
        String agency,
        String route,
        String upstream,
        String model,
        boolean modelMissing,
        List<RoleText> texts,
        Map<EntityType, Integer> entityCounts,
        long bodyBytes) {

    public PolicyInput {
        Objects.requireNonNull(upstream, "upstream");
        texts = List.copyOf(texts);
        EnumMap<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        counts.putAll(entityCounts);
        entityCounts = Collections.unmodifiableMap(counts);
    }

    /** An input whose model, if any, was a string (or that has no body). */
    public PolicyInput(
            String agency,
            String route,
            String upstream,
            String model,
            List<RoleText> texts,
            Map<EntityType, Integer> entityCounts,
            long bodyBytes) {
        this(agency, route, upstream, model, false, texts, entityCounts, bodyBytes);
    }

    /** An input without a model name. */
    public PolicyInput(
            String agency,
            String route,
            String upstream,
            List<RoleText> texts,
            Map<EntityType, Integer> entityCounts,
            long bodyBytes) {
        this(agency, route, upstream, null, false, texts, entityCounts, bodyBytes);
    }

    @Override
    public String toString() {
        return "PolicyInput[agency=" + agency + ", route=" + route + ", upstream=" + upstream + ", model=" + model
                + ", texts=" + texts.size() + ", entities=" + entityCounts + ", bytes=" + bodyBytes + "]";
    }
}
