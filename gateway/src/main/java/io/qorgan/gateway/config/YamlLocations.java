package io.qorgan.gateway.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML (or JSON) document stands, by JSON pointer ({@code /routes/0/upstream}),
 * so that validation after binding can still say "line 12, column 5".
 */
public final class YamlLocations {

    private final Map<String, JsonLocation> byPointer;

    private YamlLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    public static YamlLocations index(JsonFactory factory, String text) throws IOException {
        Map<String, JsonLocation> map = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer(false).toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the container itself is addressed by its parent's path
                    pointer = p.getParsingContext().getParent() == null
                            ? "" : p.getParsingContext().getParent().pathAsPointer(false).toString();
                }
                map.putIfAbsent(pointer, p.currentTokenLocation());
            }
        }
        return new YamlLocations(map);
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
