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
 * Reads a JSON body token by token ({@link JsonParser}, no tree), handing every string value, object key and number
 * to a {@link TextRewriter}, and splices the changed ones into the source: everything else (whitespace, key order,
 * escapes of unchanged strings, unchanged numbers) goes on byte for byte. The walk is iterative; in a request, its
 * nesting depth and the number of strings it hands over are bounded by {@link ReadLimits}, so the work per request
 * is bounded whatever the body holds.
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
            Dialect dialect,
            byte[] body,
            String contentType,
            String contentEncoding,
            ReadLimits limits,
            TextRewriter rewriter) {
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
        return new Walk(dialect, rewriter, limits).run(body);
    }

    static byte[] rewriteAnswer(Dialect dialect, byte[] body, TextRewriter rewriter) {
        if (!Utf8.isValid(body)) {
            throw new BodyRejected(Reason.INVALID_UTF8);
        }
        checkPlainJsonBytes(body);
        return new Walk(dialect, rewriter, null).run(body);
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

    /** What a walk and the walks of the JSON nested in its strings share: strings changed, strings read. */
    private static final class Tally {
        int changes;
        int strings;
    }

    /** One walk over one JSON document (the body, or the JSON inside a tool call's arguments). */
    private static final class Walk {

        private final Dialect dialect;
        private final TextRewriter rewriter;
        /** The request's limits; null for an answer, which is read whole up to its size limit. */
        private final ReadLimits limits;

        private final boolean request;
        /** The holder's path segments, when nested; this walk's own follow them in {@link #segments}. */
        private final String[] prefix;

        private final String prefixPath;

        /** The holder of the document's root value: its path is the prefix. */
        private final SitePath root;

        private final Tally tally;
        /** How deep the string holding this document sits: nested JSON adds to the nesting of its holder. */
        private final int baseDepth;
        /**
         * The path segments of the current value (the holder's, then one per open frame: its element index or current
         * key), kept as the walk goes, so that matching a site pattern allocates nothing.
         */
        private String[] segments;

        /** The document being walked, one of the two: object keys' literal ends are found in it. */
        private byte[] sourceBytes;

        private String sourceText;

        Walk(Dialect dialect, TextRewriter rewriter, ReadLimits limits) {
            this(dialect, rewriter, limits, NO_SEGMENTS, "", new Tally(), 0);
        }

        private Walk(
                Dialect dialect,
                TextRewriter rewriter,
                ReadLimits limits,
                String[] prefix,
                String prefixPath,
                Tally tally,
                int baseDepth) {
            this.dialect = dialect;
            this.rewriter = rewriter;
            this.limits = limits;
            this.request = limits != null;
            this.prefix = prefix;
            this.segments = Arrays.copyOf(prefix, prefix.length + 8);
            this.prefixPath = prefixPath;
            this.root = new SitePath(prefixPath);
            this.tally = tally;
            this.baseDepth = baseDepth;
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
            boolean[] raw = new boolean[n];
            for (int k = 0; k < n; k++) {
                Edit e = edits.get(k);
                starts[k] = e.start;
                ends[k] = e.end;
                texts[k] = e.text;
                raw[k] = e.raw;
            }
            return JsonText.splice(body, 0, body.length, starts, ends, texts, raw, n);
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
                out.append(json, pos, e.start);
                if (e.raw) {
                    out.append(e.text);
                } else {
                    JsonText.appendEscaped(out.append('"'), e.text).append('"');
                }
                pos = e.end;
            }
            return out.append(json, pos, json.length()).toString();
        }

        /**
         * A literal of the source (a string with its quotes, or a number) to be replaced by {@code text}: written as
         * it is when {@code raw} (a number), else as a JSON string.
         */
        private record Edit(int start, int end, String text, boolean raw) {}

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
         * Reads the whole document (so anything malformed is refused) and returns the literals the rewriter
         * changed, in source order; everything between them is kept as it came.
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
                        if (request && baseDepth + stack.size() >= limits.maxDepth()) {
                            throw BodyRejected.tooDeep(limits.maxDepth());
                        }
                        Frame holder = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                        stack.add(
                                holder == null
                                        ? new Frame(t == JsonToken.START_ARRAY, root, null)
                                        : new Frame(t == JsonToken.START_ARRAY, holder, childSegment(holder)));
                    }
                    case END_OBJECT, END_ARRAY -> stack.remove(stack.size() - 1);
                    case FIELD_NAME -> {
                        countString();
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
                            edits.add(new Edit(start, literalEnd(start), out, false));
                        }
                    }
                    case VALUE_STRING -> {
                        beforeValue(stack);
                        countString();
                        string(p, stack, bytes, edits);
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        beforeValue(stack);
                        number(p, stack, bytes, edits);
                    }
                    case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> beforeValue(stack);
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

        private void countString() {
            if (request && ++tally.strings > limits.maxStrings()) {
                throw BodyRejected.tooManyStrings(limits.maxStrings());
            }
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
            String out = rewriter.rewrite(
                    name, TextSite.under(stack.get(stack.size() - 1), null, TextSite.Kind.NAME, false));
            if (!out.equals(name)) {
                tally.changes++;
            }
            return out;
        }

        /** The last path segment of the value a frame is at now: its element's index or its current key. */
        private static String childSegment(Frame f) {
            return f.array ? index(f.index) : f.name;
        }

        private static void beforeValue(List<Frame> stack) {
            if (!stack.isEmpty()) {
                Frame f = stack.get(stack.size() - 1);
                if (f.array) {
                    f.index++;
                }
            }
        }

        /** Fills {@link #segments} for the current value; returns how many there are. */
        private int segments(List<Frame> stack) {
            int n = prefix.length + stack.size();
            if (n > segments.length) {
                segments = Arrays.copyOf(segments, n * 2);
            }
            int i = prefix.length;
            for (int k = 0; k < stack.size(); k++) {
                Frame f = stack.get(k);
                segments[i++] = f.array ? index(f.index) : f.name;
            }
            return n;
        }

        private static final String[] NO_SEGMENTS = {};

        private static final String[] INDEXES = indexes();

        private static String[] indexes() {
            String[] out = new String[256];
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.toString(i);
            }
            return out;
        }

        /** An array index as a path segment; the small ones made once. */
        private static String index(int i) {
            return i < INDEXES.length ? INDEXES[i] : Integer.toString(i);
        }

        /** A string value: a number again when it stood for one in a tool call's input, else rewritten text. */
        private void string(JsonParser p, List<Frame> stack, boolean bytes, List<Edit> edits) throws IOException {
            String text = p.getText();
            int depth = segments(stack);
            Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            SitePath holder = top == null ? root : top;
            String segment = top == null ? null : childSegment(top);
            if (!request && dialect.toolInputs().matches(segments, depth)) {
                String number = rewriter.number(text, TextSite.under(holder, segment, TextSite.Kind.OTHER, false));
                if (number != null && JsonText.isNumber(number)) {
                    tally.changes++;
                    edits.add(new Edit(
                            offset(p.currentTokenLocation(), bytes), offset(p.currentLocation(), bytes), number, true));
                    return;
                }
            }
            String out = rewrite(text, stack, depth, holder, segment);
            if (!out.equals(text)) {
                // the parser has read the closing quote: it stands just before the current location
                edits.add(new Edit(
                        offset(p.currentTokenLocation(), bytes), offset(p.currentLocation(), bytes), out, false));
            }
        }

        /**
         * A number, handed over as its literal. What the rewriter returns takes its place: a number as a number,
         * anything else as a string, except where the API needs a number: personal data there refuses the request.
         * Its site's path is that of its holder (numbers are many: token arrays), which is all a reader needs.
         */
        private void number(JsonParser p, List<Frame> stack, boolean bytes, List<Edit> edits) throws IOException {
            String literal = p.getText();
            SitePath holder = stack.isEmpty() ? root : stack.get(stack.size() - 1);
            TextSite.Kind kind = TextSite.Kind.NUMBER;
            if (!request && dialect.answerMetadata().matches(segments, segments(stack))) {
                kind = TextSite.Kind.METADATA;
            }
            String out = rewriter.rewrite(literal, TextSite.under(holder, null, kind, false));
            if (out.equals(literal)) {
                return;
            }
            boolean number = JsonText.isNumber(out);
            if (!number && request) {
                int depth = segments(stack); // first: it may grow the array
                if (dialect.apiNumbers().matches(segments, depth)) {
                    throw new BodyRejected(Reason.PERSONAL_DATA_IN_NUMBER);
                }
            }
            tally.changes++;
            int start = offset(p.currentTokenLocation(), bytes);
            edits.add(new Edit(start, start + literal.length(), out, number)); // a number literal is ASCII
        }

        private String rewrite(String text, List<Frame> stack, int depth, SitePath holder, String segment) {
            if (request && hasLoneSurrogate(text)) {
                // "\ud800" alone: parsers disagree on it (kept, replaced, refused), so refuse.
                throw new BodyRejected(Reason.MALFORMED_JSON);
            }
            TextSite.Kind kind;
            if (dialect.conversation().matches(segments, depth)) {
                kind = TextSite.Kind.CONVERSATION;
            } else if (!request && dialect.answerMetadata().matches(segments, depth)) {
                kind = TextSite.Kind.METADATA;
            } else {
                kind = TextSite.Kind.OTHER;
            }
            boolean arguments = !stack.isEmpty()
                    && !stack.get(stack.size() - 1).array
                    && "arguments".equals(stack.get(stack.size() - 1).name);
            TextSite site = TextSite.under(holder, segment, kind, arguments && !request);
            if (arguments && request && looksLikeJson(text)) {
                int before = tally.changes;
                String nested = rewriteNested(text, Arrays.copyOf(segments, depth), site.path() + '#', stack.size());
                if (nested != null) {
                    return tally.changes == before ? text : nested; // unchanged arguments keep their formatting
                }
            }
            String out = rewriter.rewrite(text, site);
            if (!out.equals(text)) {
                tally.changes++;
            }
            return out;
        }

        private String rewriteNested(String json, String[] segments, String path, int depth) {
            try {
                return new Walk(dialect, rewriter, limits, segments, path, tally, baseDepth + depth).run(json);
            } catch (BodyRejected notJson) {
                if (notJson.reason() == Reason.TOO_COMPLEX) {
                    throw notJson; // a limit holds for the whole request
                }
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

    /** An object or array being walked; its path, e.g. {@code /messages/0} ({@code ""} for the root), made when asked. */
    private static final class Frame extends SitePath {
        /** Objects with more keys than this check duplicates in a hash set instead of a list. */
        private static final int LINEAR_NAMES = 16;

        final boolean array;

        int index = -1;
        String name;
        private String[] names;
        private int count;
        private Set<String> nameSet;

        /** {@code segment} null: the document's root, at its holder's path. */
        Frame(boolean array, SitePath holder, String segment) {
            super(holder, segment);
            this.array = array;
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
