package io.qorgan.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a YAML file to a record, or says where and why it cannot: the one reader of the configuration, the policies
 * and the identity store, so the same slip gets the same words in all three.
 *
 * <p>Binding is strict: an unknown key is refused (with the closest known key, or the keys allowed there), a value of
 * the wrong kind is named in words ({@code expected a whole number, got `eighty`}), a key written twice is refused
 * rather than silently replacing the first, and a YAML syntax error keeps the parser's problem without its multi-line
 * context, with a hint for the usual slips (indentation, tabs). Each error is a {@link YamlBindingException} with
 * file, line, column and field: a misspelt key is reported on its own line, not where the parser stopped. The
 * returned {@link Bound} keeps every value's location, so checks of meaning after binding can be located too.
 *
 * <p>Immutable and thread-safe.
 */
public final class YamlBinder {

    private final boolean singleValuesAsLists;
    private final Map<Class<?>, String> typeNames;
    private final YAMLFactory yaml;
    private final ObjectMapper mapper;

    private YamlBinder(boolean singleValuesAsLists, Map<Class<?>, String> typeNames) {
        this.singleValuesAsLists = singleValuesAsLists;
        this.typeNames = Map.copyOf(typeNames);
        this.yaml = YAMLFactory.builder()
                // Two `roles:` sections must not silently become the last one.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper m = new ObjectMapper(yaml)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.mapper = singleValuesAsLists ? m.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY) : m;
    }

    /** Unknown keys, keys written twice and values of the wrong kind are all refused. */
    public static YamlBinder strict() {
        return new YamlBinder(false, Map.of());
    }

    /** The same binder, also taking {@code key: value} where a list is expected as a list of one. */
    public YamlBinder acceptingSingleValuesAsLists() {
        return new YamlBinder(true, typeNames);
    }

    /** The same binder, naming {@code type} in words when a value of another kind stands where one is expected. */
    public YamlBinder naming(Class<?> type, String words) {
        Map<Class<?>, String> names = new HashMap<>(typeNames);
        names.put(type, words);
        return new YamlBinder(singleValuesAsLists, names);
    }

    /**
     * A bound document and where each of its values stands.
     *
     * @param value the bound record, or null when the file holds nothing (empty, or comments only)
     */
    public record Bound<T>(String file, T value, YamlLocations locations) {

        /** Whether the file holds nothing at all. */
        public boolean empty() {
            return value == null;
        }

        /**
         * The value, or an error {@code the file is empty: <needs>} for a file that holds nothing.
         *
         * @throws YamlBindingException when the file is empty
         */
        public T orIfEmpty(String needs) {
            if (value == null) {
                throw new YamlBindingException(file, 0, 0, null, "the file is empty: " + needs);
            }
            return value;
        }

        /** The value, or {@code fallback} for a file that holds nothing. */
        public T orElse(T fallback) {
            return value == null ? fallback : value;
        }

        /** A located error about the value at {@code pointer} ({@code /routes/0/upstream}). */
        public YamlBindingException error(String pointer, String problem) {
            return at(file, locations.locate(pointer), YamlLocations.fieldName(pointer), problem);
        }
    }

    /**
     * Binds UTF-8 {@code content} read from {@code file} to {@code type}.
     *
     * @throws YamlBindingException when the bytes are not UTF-8, or as {@link #bind(String, String, Class)}
     */
    public <T> Bound<T> bind(String file, byte[] content, Class<T> type) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new YamlBindingException(file, 0, 0, null, "not UTF-8 text");
        }
        return bind(file, text, type);
    }

    /**
     * Binds {@code text}, the content of {@code file} (a name for messages only), to {@code type}.
     *
     * @throws YamlBindingException when the text is not YAML or does not fit {@code type}
     */
    public <T> Bound<T> bind(String file, String text, Class<T> type) {
        YamlLocations locations = index(file, text);
        if (locations.isEmpty()) {
            return new Bound<>(file, null, locations);
        }
        try {
            return new Bound<>(file, mapper.readValue(text, type), locations);
        } catch (UnrecognizedPropertyException e) {
            throw at(file, locations.locate(e), YamlLocations.fieldName(e), unknownKey(e));
        } catch (MismatchedInputException e) {
            throw at(file, locations.locate(e), YamlLocations.fieldName(e), YamlErrors.wrongType(e, typeNames));
        } catch (JsonMappingException e) {
            throw at(file, locations.locate(e), YamlLocations.fieldName(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new YamlBindingException(
                    file, 0, 0, null, "cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** Where each value of {@code text} stands, the text read as YAML once. */
    private YamlLocations index(String file, String text) {
        try {
            return YamlLocations.index(yaml, text);
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new YamlBindingException(
                    file, 0, 0, null, "cannot read: " + e.getClass().getSimpleName());
        }
    }

    private static YamlBindingException syntax(String file, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate ") && e.getProcessor() instanceof JsonParser p) {
            // The parser stands on the second key: its path names the key, its location is the second one's.
            String pointer = p.getParsingContext().pathAsPointer(false).toString();
            String key = p.getParsingContext().getCurrentName();
            return at(
                    file,
                    e.getLocation(),
                    YamlLocations.fieldName(pointer),
                    "key `" + key + "` appears twice (the second would silently replace the first)");
        }
        return at(file, YamlErrors.where(e), null, YamlErrors.syntax(e));
    }

    private static String unknownKey(UnrecognizedPropertyException e) {
        List<String> known = e.getKnownPropertyIds() == null
                ? List.of()
                : e.getKnownPropertyIds().stream()
                        .map(Object::toString)
                        .sorted()
                        .toList();
        String typed = e.getPropertyName();
        String suggestion = Suggestions.didYouMean(typed, known);
        return "unknown key `" + typed + "`"
                + (!suggestion.isEmpty() || known.isEmpty()
                        ? suggestion
                        : "; keys here are " + String.join(", ", known));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static YamlBindingException at(String file, JsonLocation loc, String field, String problem) {
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return new YamlBindingException(file, line, column, field, problem);
    }
}
