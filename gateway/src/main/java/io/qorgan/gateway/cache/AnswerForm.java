package io.qorgan.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.Dialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An API's two forms of one answer — a whole JSON body and a stream of events — and the way from each to the other,
 * so a stored answer serves the caller in the form it asked for: a whole answer as a stream (SSE for OpenAI chat,
 * completions and Responses and for Anthropic; NDJSON for Ollama), a stored stream as one body. The events written are
 * those the API itself sends, in its order, with the whole text in one delta per part, so the official SDKs read them
 * as they read the service's own.
 *
 * <p>A stream is whole only when it ended as the API ends one ({@code data: [DONE]}, {@code response.completed},
 * {@code message_stop}, a {@code done: true} line): {@link #whole} gives null for one that did not, or that carried
 * an error, and such a stream is never stored. Stateless and thread-safe.
 */
abstract class AnswerForm {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String SSE_TYPE = "text/event-stream; charset=utf-8";
    static final String NDJSON_TYPE = "application/x-ndjson";
    static final String JSON_TYPE = "application/json";

    /** The form of {@code dialect}'s answers, or null for a dialect whose answers the cache keeps only whole. */
    static AnswerForm of(Dialect dialect) {
        return switch (dialect) {
            case OPENAI_CHAT -> ChatForm.INSTANCE;
            case OPENAI_COMPLETIONS -> CompletionForm.INSTANCE;
            case OPENAI_RESPONSES -> ResponsesForm.INSTANCE;
            case ANTHROPIC_MESSAGES -> AnthropicForm.INSTANCE;
            case OLLAMA_CHAT -> OllamaForm.CHAT;
            case OLLAMA_GENERATE -> OllamaForm.GENERATE;
            case OPENAI_EMBEDDINGS, GENERIC_JSON -> null;
        };
    }

    /** The whole answer a complete stream adds up to, or null when the stream is not complete or holds an error. */
    abstract ObjectNode whole(byte[] stream);

    /** The events of {@code whole} as the API streams them; {@code withUsage}: OpenAI's optional usage chunk. */
    abstract byte[] stream(ObjectNode whole, boolean withUsage);

    /** The token counts a whole answer reports. */
    abstract Usage usage(ObjectNode whole);

    /** The {@code Content-Type} of a stream. */
    String streamType() {
        return SSE_TYPE;
    }

    /**
     * Whether a stream must end with a usage chunk to be complete for a caller, and a whole answer must carry usage:
     * only OpenAI's chat and completions, whose streams report usage only when asked.
     */
    boolean usageOptional() {
        return false;
    }

    // ---- reading and writing frames ----

    /** One SSE event: its {@code event:} name (or null) and its {@code data:} lines joined. */
    record Event(String name, String data) {}

    /**
     * The events of an SSE stream, or null when it ends inside an event. Lines end with LF or CRLF; comments and
     * fields other than {@code event} and {@code data} are skipped.
     */
    static List<Event> events(byte[] stream) {
        String text = new String(stream, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<Event> out = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return text.substring(pos).isBlank() && data == null ? out : null;
            }
            String line = text.substring(pos, nl);
            pos = nl + 1;
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(new Event(name, data.toString()));
                }
                name = null;
                data = null;
            } else if (line.startsWith("event:")) {
                name = value(line, 6);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(value(line, 5));
            }
        }
        return data == null ? out : null;
    }

    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }

    /** The JSON objects of an NDJSON stream, or null when its last line is cut or a line is not an object. */
    static List<ObjectNode> lines(byte[] stream) {
        String text = new String(stream, StandardCharsets.UTF_8);
        if (!text.isBlank() && !text.endsWith("\n")) {
            return null;
        }
        List<ObjectNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode object = object(line);
            if (object == null) {
                return null;
            }
            out.add(object);
        }
        return out;
    }

    /**
     * The chunks of an OpenAI stream (chat or completions), or null when it did not end with {@code data: [DONE]},
     * has anything after it, or carries an error or something that is not a chunk.
     */
    static List<ObjectNode> openAiChunks(byte[] stream) {
        List<Event> events = events(stream);
        if (events == null
                || events.isEmpty()
                || !events.get(events.size() - 1).data().equals("[DONE]")) {
            return null;
        }
        List<ObjectNode> chunks = new ArrayList<>(events.size());
        for (Event e : events.subList(0, events.size() - 1)) {
            ObjectNode chunk = object(e.data());
            if (chunk == null || chunk.has("error")) {
                return null;
            }
            chunks.add(chunk);
        }
        return chunks.isEmpty() ? null : chunks;
    }

    /** The {@code usage} of the chunk that reports it, or null. */
    static JsonNode openAiUsage(List<ObjectNode> chunks) {
        for (ObjectNode chunk : chunks) {
            if (chunk.hasNonNull("usage")) {
                return chunk.get("usage");
            }
        }
        return null;
    }

    /** The top of an OpenAI answer or chunk: {@code id}, {@code object}, {@code created}, {@code model} of {@code from}. */
    static ObjectNode openAiHead(JsonNode from, String object) {
        ObjectNode head = JSON.createObjectNode();
        head.set("id", from.path("id").isMissingNode() ? head.textNode("") : from.get("id"));
        head.put("object", object);
        head.set("created", from.path("created").isMissingNode() ? head.numberNode(0) : from.get("created"));
        head.set("model", from.path("model").isMissingNode() ? head.textNode("") : from.get("model"));
        return head;
    }

    /** Copies {@code field} when {@code from} has it. */
    static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    /** A JSON object, or null when {@code text} is not one. */
    static ObjectNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A JSON object, or null when {@code body} is not one. */
    static ObjectNode object(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree the cache built
        }
    }

    /** Writes events one after the other. */
    static final class Frames {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        /** {@code data: <json>}, then a blank line. */
        Frames data(JsonNode node) {
            out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes(node));
            out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** {@code event: <name>}, {@code data: <json>}, then a blank line. */
        Frames event(String name, JsonNode node) {
            out.writeBytes(("event: " + name + "\n").getBytes(StandardCharsets.UTF_8));
            return data(node);
        }

        Frames done() {
            out.writeBytes("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** One NDJSON line. */
        Frames line(JsonNode node) {
            out.writeBytes(bytes(node));
            out.write('\n');
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
