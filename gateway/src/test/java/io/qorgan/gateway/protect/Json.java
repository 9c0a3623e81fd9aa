package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Tree helpers for tests: parse, write, map every string, collect every string. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String s) {
        return parse(s.getBytes(StandardCharsets.UTF_8));
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        return write(MAPPER.getNodeFactory().textNode(s));
    }

    /**
     * A copy where every "arguments" string holding JSON is replaced by {"$json": parsed}, so
     * tool-call arguments compare and get collected value by value.
     */
    static JsonNode expand(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                JsonNode v = f.getValue();
                if (f.getKey().equals("arguments")
                        && v.isTextual()
                        && v.asText().trim().startsWith("{")) {
                    out.putObject(f.getKey()).set("$json", expand(parse(v.asText())));
                } else {
                    out.set(f.getKey(), expand(v));
                }
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = MAPPER.createArrayNode();
            a.forEach(v -> out.add(expand(v)));
            return out;
        }
        return node.deepCopy();
    }

    static JsonNode mapStrings(JsonNode node, UnaryOperator<String> f) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = MAPPER.createObjectNode();
            o.properties().forEach(e -> out.set(e.getKey(), mapStrings(e.getValue(), f)));
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = MAPPER.createArrayNode();
            a.forEach(v -> out.add(mapStrings(v, f)));
            return out;
        }
        return node.isTextual() ? MAPPER.getNodeFactory().textNode(f.apply(node.asText())) : node.deepCopy();
    }

    static void strings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
    }
}
