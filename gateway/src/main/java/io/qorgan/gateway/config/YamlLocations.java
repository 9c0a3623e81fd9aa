package io.qorgan.gateway.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML (or JSON) document stands, by JSON pointer ({@code /routes/0/upstream}),
 * so that validation after binding can still say "line 12, column 5".
 */
public final class YamlLocations {

    private final Map<String, JsonLocation> byPointer;
    private final Map<String, JsonLocation> keys;

    private YamlLocations(Map<String, JsonLocation> byPointer, Map<String, JsonLocation> keys) {
        this.byPointer = byPointer;
        this.keys = keys;
    }

    public static YamlLocations index(JsonFactory factory, String text) throws IOException {
        Map<String, JsonLocation> map = new HashMap<>();
        Map<String, JsonLocation> keys = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = p.getParsingContext().pathAsPointer(false).toString();
                if (t == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(pointer, p.currentTokenLocation());
                    continue;
                }
                JsonLocation at = p.currentTokenLocation();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // The container is addressed by its parent's path. A YAML parser places a block's start at its
                    // first entry, a line below the key that opens it: the key is where a reader looks.
                    pointer = p.getParsingContext().getParent() == null
                            ? ""
                            : p.getParsingContext()
                                    .getParent()
                                    .pathAsPointer(false)
                                    .toString();
                    at = keys.getOrDefault(pointer, at);
                }
                map.putIfAbsent(pointer, at);
            }
        }
        return new YamlLocations(map, keys);
    }

    /** Whether the document holds nothing at all (empty, or comments only). */
    public boolean isEmpty() {
        return byPointer.isEmpty();
    }

    /** The location of the value at {@code pointer}, or of its nearest ancestor that has one. */
    public JsonLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation loc = byPointer.get(p);
            if (loc != null || p.isEmpty()) {
                return loc == null ? JsonLocation.NA : loc;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /**
     * Where a binding error is: the location of the key an unknown key error names, of the value other errors' paths
     * name, or Jackson's own
     * position when the path is not in the document (YAML scanners read ahead, so Jackson's
     * position may be past the value).
     */
    public JsonLocation locate(JsonMappingException e) {
        JsonLocation key = e instanceof UnrecognizedPropertyException ? keys.get(pointer(e)) : null;
        JsonLocation loc = key != null ? key : locate(pointer(e));
        return loc == null || loc == JsonLocation.NA ? e.getLocation() : loc;
    }

    /** The JSON pointer of the value a binding error is about. */
    public static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                sb.append('/').append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** The field a binding error is about, as a reader writes it. */
    public static String fieldName(JsonMappingException e) {
        return fieldName(pointer(e));
    }

    /** {@code /routes/0/upstream} as a reader writes it: {@code routes[0].upstream}. */
    public static String fieldName(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(name).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }
}
