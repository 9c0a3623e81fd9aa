package io.qorgan.gateway.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A labelled set of texts read from a JSON-lines test resource, in one of two shapes: spans given by offsets
 * ({@code corpus.jsonl}: {@code "spans":[{"type","start","end"}]}) or marked inline ({@code dev-patterns.jsonl},
 * {@code heldout.jsonl}: {@code [[TYPE:exact text]]} in {@code text}, stripped here, the spans in UTF-16 offsets of
 * the stripped text).
 */
final class LabelledSet {

    record Span(EntityType type, int start, int end) {

        int length() {
            return end - start;
        }
    }

    record Text(String id, String text, List<Span> spans) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledSet() {}

    /** The texts of a resource whose spans are marked inline. */
    static List<Text> markup(String resource) {
        List<Text> texts = new ArrayList<>();
        for (String raw : lines(resource)) {
            JsonNode node = read(raw);
            String id = node.path("id").asText("");
            texts.add(strip(id, node.get("text").asText()));
        }
        return texts;
    }

    /** The texts of a resource whose spans are listed by offsets. */
    static List<Text> offsets(String resource) {
        List<Text> texts = new ArrayList<>();
        int n = 0;
        for (String raw : lines(resource)) {
            JsonNode node = read(raw);
            List<Span> spans = new ArrayList<>();
            node.get("spans")
                    .forEach(s -> spans.add(new Span(
                            EntityType.valueOf(s.get("type").asText()),
                            s.get("start").asInt(),
                            s.get("end").asInt())));
            texts.add(new Text("c" + ++n, node.get("text").asText(), List.copyOf(spans)));
        }
        return texts;
    }

    /**
     * The text without its {@code [[TYPE:value]]} marks, and the spans of the values.
     *
     * @throws IllegalArgumentException on an unclosed mark or an unknown type, naming the text's id only
     */
    static Text strip(String id, String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("[[", i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            int colon = marked.indexOf(':', open);
            int close = marked.indexOf("]]", open);
            if (colon < 0 || close < 0 || colon > close) {
                throw new IllegalArgumentException("unclosed mark in " + id);
            }
            EntityType type;
            try {
                type = EntityType.valueOf(marked.substring(open + 2, colon));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown type in " + id, e);
            }
            text.append(marked, i, open);
            int start = text.length();
            text.append(marked, colon + 1, close);
            spans.add(new Span(type, start, text.length()));
            i = close + 2;
        }
        return new Text(id, text.toString(), List.copyOf(spans));
    }

    /** SHA-256 of a resource's bytes, in lower-case hex. */
    static String sha256(String resource) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(resource)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        for (String raw : new String(bytes(resource), StandardCharsets.UTF_8).split("\n")) {
            if (!raw.isBlank()) {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
