package io.qorgan.gateway.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out, and the text of message contents as the APIs spell them. */
final class Json {

    // Configured once and only read afterwards: ObjectMapper is thread-safe for that use.
    // Characters outside the BMP go out as 4-byte UTF-8, as the real services send them, not as
    // \uD83D\uDE00 escapes: a gateway's stream restorer must cope with those bytes.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body that must be a JSON object; otherwise a 400 in the API's shape. */
    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("We could not parse the JSON body of your request.", null);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("The request body must be a JSON object.", null);
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String string(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** A server-sent event without a name: {@code data: <json>}. */
    static byte[] sseData(JsonNode node) {
        return ("data: " + string(node) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A named server-sent event: {@code event: <name>} then {@code data: <json>}. */
    static byte[] sseEvent(String name, JsonNode node) {
        return ("event: " + name + "\ndata: " + string(node) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One line of newline-delimited JSON. */
    static byte[] ndjsonLine(JsonNode node) {
        return (string(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of a message content: a string, or the text parts of an array ({@code text},
     * {@code input_text}, {@code output_text}) concatenated; anything else is empty.
     */
    static String contentText(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                String type = part.path("type").asText("");
                JsonNode partText = part.get("text");
                if ((type.equals("text") || type.equals("input_text") || type.equals("output_text"))
                        && partText != null
                        && partText.isTextual()) {
                    text.append(partText.textValue());
                }
            }
        }
        return text.toString();
    }

    /** The content text of the last message with {@code role: user}, or empty. */
    static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asText(null))) {
                return contentText(m.get("content"));
            }
        }
        return "";
    }

    static JsonNode lastElement(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? array.get(array.size() - 1) : null;
    }
}
