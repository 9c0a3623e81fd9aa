package io.qorgan.gateway.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A protected request body in the one form the cache keys on, and what the cache needs to know of it.
 *
 * <p>Canonical form: the JSON value with object keys sorted, insignificant whitespace removed, numbers written by
 * value ({@code 0}, {@code 0.0} and {@code 0e0} alike), and the top-level fields that do not change the answer left
 * out, per dialect ({@link #IGNORED}):
 *
 * <ul>
 *   <li>OpenAI chat: {@code stream}, {@code stream_options}, {@code user}, {@code metadata},
 *       {@code safety_identifier}, {@code prompt_cache_key};
 *   <li>OpenAI Responses: the same;
 *   <li>OpenAI completions: {@code stream}, {@code stream_options}, {@code user};
 *   <li>OpenAI embeddings: {@code user};
 *   <li>Anthropic messages: {@code stream}, {@code metadata};
 *   <li>Ollama chat and generate: {@code stream}, {@code keep_alive};
 *   <li>any other JSON endpoint: nothing.
 * </ul>
 *
 * <p>Deterministic by default: embeddings (nothing is sampled). Chat, Responses, completions and Anthropic messages
 * sample at temperature 1 unless told otherwise, Ollama at 0.8: they are deterministic only with an explicit
 * {@code temperature: 0} ({@code options.temperature: 0} for Ollama), or when the caller opts in with
 * {@code X-Qorgan-Cache: allow}.
 *
 * <p>A body that is not one JSON object, or whose objects repeat a key (two parsers could read it differently), has no
 * canonical form: such a request is not cached. Immutable.
 */
final class CanonicalRequest {

    static final Map<Dialect, Set<String>> IGNORED = ignored();

    private static Map<Dialect, Set<String>> ignored() {
        Map<Dialect, Set<String>> m = new EnumMap<>(Dialect.class);
        Set<String> openAi =
                Set.of("stream", "stream_options", "user", "metadata", "safety_identifier", "prompt_cache_key");
        m.put(Dialect.OPENAI_CHAT, openAi);
        m.put(Dialect.OPENAI_RESPONSES, openAi);
        m.put(Dialect.OPENAI_COMPLETIONS, Set.of("stream", "stream_options", "user"));
        m.put(Dialect.OPENAI_EMBEDDINGS, Set.of("user"));
        m.put(Dialect.ANTHROPIC_MESSAGES, Set.of("stream", "metadata"));
        m.put(Dialect.OLLAMA_CHAT, Set.of("stream", "keep_alive"));
        m.put(Dialect.OLLAMA_GENERATE, Set.of("stream", "keep_alive"));
        m.put(Dialect.GENERIC_JSON, Set.of());
        return Collections.unmodifiableMap(m);
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final byte[] canonical;
    private final ObjectNode tree;
    private final Dialect dialect;

    private CanonicalRequest(byte[] canonical, ObjectNode tree, Dialect dialect) {
        this.canonical = canonical;
        this.tree = tree;
        this.dialect = dialect;
    }

    /** The canonical form of {@code body}, or null when it has none (not one JSON object, or a repeated key). */
    static CanonicalRequest of(Dialect dialect, byte[] body) {
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(body)) {
            node = MAPPER.readTree(p);
        } catch (IOException e) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            Set<String> ignored = IGNORED.get(dialect);
            g.writeStartObject();
            for (String name : sortedNames(object)) {
                if (!ignored.contains(name)) {
                    g.writeFieldName(name);
                    write(g, object.get(name));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return new CanonicalRequest(out.toByteArray(), object, dialect);
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (String name : sortedNames(node)) {
                    g.writeFieldName(name);
                    write(g, node.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case NUMBER -> g.writeNumber(node.decimalValue().stripTrailingZeros());
            default -> g.writeTree(node);
        }
    }

    private static List<String> sortedNames(JsonNode object) {
        List<String> names = new ArrayList<>(object.size());
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Collections.sort(names);
        return names;
    }

    byte[] bytes() {
        return canonical;
    }

    /**
     * Whether a request whose top level reads {@code facts} samples for certain, so its canonical form would be judged
     * not {@link #deterministic} and never be used: a JSON object whose dialect samples by default and whose
     * top-level {@code temperature} is absent, not a number or not zero. False when that cannot be told from the top
     * level (embeddings, Ollama's {@code options.temperature}) or when the Responses API's stored state is judged
     * first ({@link #upstreamState}). {@code CanonicalRequestTest} checks it against the canonical form.
     */
    static boolean surelySamples(Dialect dialect, RequestFacts facts) {
        if (!facts.json()) {
            return false;
        }
        return switch (dialect) {
            case OPENAI_EMBEDDINGS, OLLAMA_CHAT, OLLAMA_GENERATE, OPENAI_RESPONSES -> false;
            default -> facts.temperature() == null || facts.temperature() != 0.0;
        };
    }

    /** Whether the request samples nothing: an embedding, or an explicit temperature of zero. */
    boolean deterministic() {
        return switch (dialect) {
            case OPENAI_EMBEDDINGS -> true;
            case OLLAMA_CHAT, OLLAMA_GENERATE -> zero(tree.path("options").path("temperature"));
            default -> zero(tree.path("temperature"));
        };
    }

    private static boolean zero(JsonNode n) {
        return n.isNumber() && n.decimalValue().signum() == 0;
    }

    /** Whether the caller asked for a stream: {@code stream: true}, or for Ollama anything but {@code stream: false}. */
    boolean wantsStream() {
        JsonNode stream = tree.get("stream");
        return switch (dialect) {
            case OLLAMA_CHAT, OLLAMA_GENERATE -> stream == null || !stream.isBoolean() || stream.booleanValue();
            case OPENAI_EMBEDDINGS -> false;
            default -> stream != null && stream.isBoolean() && stream.booleanValue();
        };
    }

    /** Whether a streamed OpenAI answer must end with a usage chunk ({@code stream_options.include_usage}). */
    boolean wantsStreamUsage() {
        return tree.path("stream_options").path("include_usage").asBoolean(false);
    }

    /**
     * Whether the answer depends on, or leaves, state the upstream keeps: a Responses turn that continues another
     * ({@code previous_response_id}) or that the upstream stores for a later one ({@code store} is true unless set to
     * false).
     */
    boolean upstreamState() {
        if (dialect != Dialect.OPENAI_RESPONSES) {
            return false;
        }
        JsonNode previous = tree.get("previous_response_id");
        JsonNode store = tree.get("store");
        return (previous != null && !previous.isNull()) || store == null || !store.isBoolean() || store.booleanValue();
    }
}
