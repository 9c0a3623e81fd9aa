package io.qorgan.gateway.policy;

import java.util.List;
import java.util.Map;

/** A policy test file as written: {@code cases:} of input and expected outcome. */
record RawTests(List<RawCase> cases) {

    record RawCase(String name, RawInput input, RawExpect expect) {}

    /** Texts as {@code text} (one user message) or {@code messages}, or a {@code body} read by {@code dialect}. */
    record RawInput(
            String agency,
            String route,
            String upstream,
            String model,
            String text,
            List<RawMessage> messages,
            String dialect,
            String body) {}

    record RawMessage(String role, String text) {}

    record RawExpect(
            Boolean blocked,
            String code,
            List<String> rules,
            List<String> shadowRules,
            String shadowBlock,
            String reroute,
            Map<String, Integer> entities,
            List<String> sent) {}
}
