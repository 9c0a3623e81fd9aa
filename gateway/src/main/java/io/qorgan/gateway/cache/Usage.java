package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token counts an answer reports in its {@code usage} (Ollama: {@code prompt_eval_count} and
 * {@code eval_count}); a hit saves them.
 *
 * @param present whether the answer reported them at all
 */
record Usage(boolean present, long input, long output) {

    static final Usage NONE = new Usage(false, 0, 0);

    /** The counts under two field names of {@code node}, when either is a number. */
    static Usage of(JsonNode node, String inputField, String outputField) {
        if (node == null || !node.isObject()) {
            return NONE;
        }
        JsonNode in = node.get(inputField);
        JsonNode out = node.get(outputField);
        if ((in == null || !in.isNumber()) && (out == null || !out.isNumber())) {
            return NONE;
        }
        return new Usage(true, in == null ? 0 : Math.max(0, in.asLong()), out == null ? 0 : Math.max(0, out.asLong()));
    }
}
