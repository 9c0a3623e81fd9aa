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
 * @param maxTerms     the most words content rules analyse in the texts ({@code protection.maxTerms}); a request with
 *                     more is refused rather than judged
 */
public record PolicyInput(
        String agency,
        String route,
        String upstream,
        String model,
        boolean modelMissing,
        List<RoleText> texts,
        Map<EntityType, Integer> entityCounts,
        long bodyBytes,
        int maxTerms) {

    /** Words content rules analyse at most when nobody says otherwise: a 10 MB text holds about 1.5 million. */
    public static final int DEFAULT_MAX_TERMS = 2_000_000;

    public PolicyInput {
        Objects.requireNonNull(upstream, "upstream");
        if (maxTerms < 1) {
            throw new IllegalArgumentException("maxTerms must be positive");
        }
        texts = List.copyOf(texts);
        EnumMap<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        counts.putAll(entityCounts);
        entityCounts = Collections.unmodifiableMap(counts);
    }

    /** An input whose model, if any, was a string (or that has no body), analysing up to {@link #DEFAULT_MAX_TERMS} words. */
    public PolicyInput(
            String agency,
            String route,
            String upstream,
            String model,
            List<RoleText> texts,
            Map<EntityType, Integer> entityCounts,
            long bodyBytes) {
        this(agency, route, upstream, model, false, texts, entityCounts, bodyBytes, DEFAULT_MAX_TERMS);
    }

    /** An input without a model name. */
    public PolicyInput(
            String agency,
            String route,
            String upstream,
            List<RoleText> texts,
            Map<EntityType, Integer> entityCounts,
            long bodyBytes) {
        this(agency, route, upstream, null, false, texts, entityCounts, bodyBytes, DEFAULT_MAX_TERMS);
    }

    @Override
    public String toString() {
        return "PolicyInput[agency=" + agency + ", route=" + route + ", upstream=" + upstream + ", model=" + model
                + ", texts=" + texts.size() + ", entities=" + entityCounts + ", bytes=" + bodyBytes + "]";
    }
}
