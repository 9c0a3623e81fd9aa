package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.qorgan.gateway.dialect.BodyRejected.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a JSON body token by token ({@link JsonParser}, no tree), handing every string value to
 * a {@link TextRewriter}, and splices the changed strings into the source: everything else
 * (numbers, whitespace, key order, escapes of unchanged strings) goes on byte for byte. The walk is iterative: nesting depth is bounded by Jackson's
 * stream-read constraints, not by the Java stack.
 *
 * <p>Refusals are decided before or during the walk; Jackson's own exceptions are never
 * chained, because their messages quote body content.
 */
final class JsonRewriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonRewriter() {}

    static byte[] rewriteRequest(
            Dialect dialect, byte[] body, String contentType, String contentEncoding, TextRewriter rewriter) {
        if (contentEncoding != null
                && !contentEncoding.isBlank()
                && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            throw new BodyRejected(Reason.UNSUPPORTED_ENCODING);
        }
        String mime = mime(contentType);
        if (mime.startsWith("multipart/")) {
            throw new BodyRejected(Reason.UNSUPPORTED_CONTENT_TYPE);
        }
        if (!Utf8.isValid(body)) {
            throw new BodyRejected(Reason.INVALID_UTF8);
        }
        if (dialect == Dialect.GENERIC_JSON && !isJson(mime)) {
            if (body.length == 0) {
                return body;
            }
            if (!mime.startsWith("text/")) {
                throw new BodyRejected(Reason.UNSUPPORTED_CONTENT_TYPE);
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String out = rewriter.rewrite(text, new TextSite("", TextSite.Kind.CONVERSATION));
            return out == text ? body : out.getBytes(StandardCharsets.UTF_8);
        }
        checkPlainJsonBytes(body);
        return new Walk(dialect.conversation(), rewriter, true).run(body);
    }

    static byte[] rewriteAnswer(Dialect dialect, byte[] body, TextRewriter rewriter) {
        if (!Utf8.isValid(body)) {
            throw new BodyRejected(Reason.INVALID_UTF8);
        }
        checkPlainJsonBytes(body);
        return new Walk(dialect.conversation(), rewriter, false).run(body);
    }

    /**
     * Jackson would skip a BOM and take UTF-16/32 when NUL bytes are among the first four; other parsers would not.
     * A NUL further on needs no scan: once Jackson reads UTF-8 it refuses any unescaped control char, in strings,
     * names and between tokens alike.
     */
    private static void checkPlainJsonBytes(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            throw new BodyRejected(Reason.MALFORMED_JSON);
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                throw new BodyRejected(Reason.MALFORMED_JSON);
            }
        }
    }

    private static String mime(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String m = semi >= 0 ? contentType.substring(0, semi) : contentType;
        return m.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mime) {
        return mime.isEmpty() || mime.endsWith("/json") || mime.endsWith("+json");
    }

    /** One walk over one JSON document (the body, or the JSON inside a tool call's arguments). */
    private static final class Walk {

        private final SitePatterns conversation;
        private final TextRewriter rewriter;
        private final boolean request;
        private final List<String> prefix;
        private final String prefixPath;
        private final int[] changes; // shared with nested walks: strings the rewriter changed
        /** The document being walked, one of the two: object keys' literal ends are found in it. */
        private byte[] sourceBytes;

        private String sourceText;

        Walk(SitePatterns conversation, TextRewriter rewriter, boolean request) {
            this(conversation, rewriter, request, List.of(), "", new int[1]);
        }

        private Walk(
                SitePatterns conversation,
                TextRewriter rewriter,
                boolean request,
                List<String> prefix,
                String prefixPath,
                int[] changes) {
            this.conversation = conversation;
            this.rewriter = rewriter;
            this.request = request;
            this.prefix = prefix;
            this.prefixPath = prefixPath;
            this.changes = changes;
        }

        byte[] run(byte[] body) {
            List<Edit> edits;
            sourceBytes = body;
            try (JsonParser p = FACTORY.createParser(body)) {
                edits = walk(p, true);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
            if (edits.isEmpty()) {
                return body; // nothing changed: the original bytes go on, exactly as they came
            }
            int n = edits.size();
            int[] starts = new int[n];
            int[] ends = new int[n];
            String[] texts = new String[n];
            for (int k = 0; k < n; k++) {
                Edit e = edits.get(k);
                starts[k] = e.start;
                ends[k] = e.end;
                texts[k] = e.text;
            }
            return JsonText.splice(body, 0, body.length, starts, ends, texts, n);
        }

        String run(String json) {
            List<Edit> edits;
            sourceText = json;
            try (JsonParser p = FACTORY.createParser(json)) {
                edits = walk(p, false);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
            StringBuilder out = new StringBuilder(json.length() + 16);
            int pos = 0;
            for (Edit e : edits) {
                out.append(json, pos, e.start).append('"');
                JsonText.appendEscaped(out, e.text).append('"');
                pos = e.end;
            }
            return out.append(json, pos, json.length()).toString();
        }

        /** A string literal of the source, quotes included, to be replaced by {@code text}. */
        private record Edit(int start, int end, String text) {}

        private static RuntimeException translate(Exception e) {
            if (e instanceof BodyRejected r) {
                return r;
            }
            if (e instanceof IOException) {
                return new BodyRejected(Reason.MALFORMED_JSON);
            }
            return (RuntimeException) e; // the rewriter's own failure: the caller fails closed
        }

        /**
         * Reads the whole document (so anything malformed is refused) and returns the string
         * literals the rewriter changed, in source order; everything between them is kept as it came.
         */
        private List<Edit> walk(JsonParser p, boolean bytes) throws IOException {
            List<Edit> edits = new ArrayList<>();
            List<Frame> stack = new ArrayList<>();
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BodyRejected(Reason.MALFORMED_JSON);
            }
            while (true) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        beforeValue(stack);
                        stack.add(new Frame(
                                t == JsonToken.START_ARRAY,
                                stack.isEmpty() ? prefixPath : childPath(stack.get(stack.size() - 1))));
                    }
                    case END_OBJECT, END_ARRAY -> stack.remove(stack.size() - 1);
                    case FIELD_NAME -> {
                        Frame f = stack.get(stack.size() - 1);
                        String name = p.currentName();
                        String out = rewriteName(name, stack);
                        // checked after rewriting: two keys must not become one ("Иванов" and "ИВАНОВ", one person)
                        if (!f.addName(out)) {
                            throw new BodyRejected(Reason.DUPLICATE_KEY);
                        }
                        f.name = name; // the path keeps the original: site patterns name API fields
                        if (!out.equals(name)) {
                            int start = offset(p.currentTokenLocation(), bytes);
                            edits.add(new Edit(start, literalEnd(start), out));
                        }
                    }
                    case VALUE_STRING -> {
                        beforeValue(stack);
                        String text = p.getText();
                        String out = rewrite(text, stack);
                        if (!out.equals(text)) {
                            // the parser has read the closing quote: it stands just before the current location
                            edits.add(new Edit(
                                    offset(p.currentTokenLocation(), bytes), offset(p.currentLocation(), bytes), out));
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                        beforeValue(stack);
                    default -> throw new BodyRejected(Reason.MALFORMED_JSON);
                }
                if (stack.isEmpty()) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new BodyRejected(Reason.MALFORMED_JSON);
                }
            }
            if (p.nextToken() != null) {
                throw new BodyRejected(Reason.MALFORMED_JSON); // a second root value after the first
            }
            return edits;
        }

        private static int offset(JsonLocation location, boolean bytes) {
            return JsonText.offset(bytes ? location.getByteOffset() : location.getCharOffset());
        }

        /** End (after the closing quote) of the string literal opening at {@code start} of the source. */
        private int literalEnd(int start) {
            int i = start + 1;
            if (sourceBytes != null) {
                while (sourceBytes[i] != '"') {
                    i += sourceBytes[i] == '\\' ? 2 : 1;
                }
            } else {
                while (sourceText.charAt(i) != '"') {
                    i += sourceText.charAt(i) == '\\' ? 2 : 1;
                }
            }
            return i + 1;
        }

        /** An object key: user-defined keys (metadata, tool arguments) can be personal data themselves. */
        private String rewriteName(String name, List<Frame> stack) {
            if (request && hasLoneSurrogate(name)) {
                throw new BodyRejected(Reason.MALFORMED_JSON);
            }
            String out = rewriter.rewrite(name, new TextSite(stack.get(stack.size() - 1).path, TextSite.Kind.NAME));
            if (!out.equals(name)) {
                changes[0]++;
            }
            return out;
        }

        /** The path of the value a frame is at now: its element or the value of its current key. */
        private static String childPath(Frame f) {
            return f.path + '/' + (f.array ? Integer.toString(f.index) : f.name);
        }

        private static void beforeValue(List<Frame> stack) {
            if (!stack.isEmpty()) {
                Frame f = stack.get(stack.size() - 1);
                if (f.array) {
                    f.index++;
                }
            }
        }

        private String rewrite(String text, List<Frame> stack) {
            if (request && hasLoneSurrogate(text)) {
                // "\ud800" alone: parsers disagree on it (kept, replaced, refused), so refuse.
                throw new BodyRejected(Reason.MALFORMED_JSON);
            }
            List<String> segments = new ArrayList<>(prefix.size() + stack.size());
            segments.addAll(prefix);
            for (Frame f : stack) {
                segments.add(f.array ? Integer.toString(f.index) : f.name);
            }
            StringBuilder path =
                    new StringBuilder(stack.isEmpty() ? prefixPath : childPath(stack.get(stack.size() - 1)));
            TextSite.Kind kind = conversation.matches(segments) ? TextSite.Kind.CONVERSATION : TextSite.Kind.OTHER;
            boolean arguments = !stack.isEmpty()
                    && !stack.get(stack.size() - 1).array
                    && "arguments".equals(stack.get(stack.size() - 1).name);
            if (arguments && request && looksLikeJson(text)) {
                int before = changes[0];
                String nested = rewriteNested(text, segments, path.append('#').toString());
                if (nested != null) {
                    return changes[0] == before ? text : nested; // unchanged arguments keep their formatting
                }
                path.setLength(path.length() - 1);
            }
            String out = rewriter.rewrite(text, new TextSite(path.toString(), kind, arguments && !request));
            if (!out.equals(text)) {
                changes[0]++;
            }
            return out;
        }

        private String rewriteNested(String json, List<String> segments, String path) {
            try {
                return new Walk(conversation, rewriter, true, segments, path, changes).run(json);
            } catch (BodyRejected notJson) {
                return null; // not one clean JSON value: the caller scans it as one plain text
            }
        }

        private static boolean looksLikeJson(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{' || c == '[') {
                    return true;
                }
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return false;
                }
            }
            return false;
        }

        private static boolean hasLoneSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return true;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Frame {
        /** Objects with more keys than this check duplicates in a hash set instead of a list. */
        private static final int LINEAR_NAMES = 16;

        final boolean array;
        /** Where this object or array sits, e.g. {@code /messages/0}; {@code ""} for the root. */
        final String path;

        int index = -1;
        String name;
        private String[] names;
        private int count;
        private Set<String> nameSet;

        Frame(boolean array, String path) {
            this.array = array;
            this.path = path;
        }

        /** False when the object already has this key. Most objects have a few keys: a list beats hashing. */
        boolean addName(String key) {
            if (nameSet != null) {
                return nameSet.add(key);
            }
            for (int i = 0; i < count; i++) {
                if (names[i].equals(key)) {
                    return false;
                }
            }
            if (count == LINEAR_NAMES) {
                nameSet = new HashSet<>(Arrays.asList(names));
                names = null;
                return nameSet.add(key);
            }
            if (names == null) {
                names = new String[4];
            } else if (count == names.length) {
                names = Arrays.copyOf(names, LINEAR_NAMES);
            }
            names[count++] = key;
            return true;
        }
    }
}
