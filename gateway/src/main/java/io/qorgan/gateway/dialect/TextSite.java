package io.qorgan.gateway.dialect;

import java.util.Objects;

/**
 * Where a string value (or an object key, {@link Kind#NAME}) sits in a body: a JSON-pointer-like {@code path} (for strings inside a
 * tool call's JSON-encoded arguments, the inner path follows a {@code #}, e.g.
 * {@code /messages/1/tool_calls/0/function/arguments#/city}) and its {@link Kind}.
 *
 * <p>{@code jsonText} is true when the string itself is JSON source text (tool-call arguments in
 * an answer), so a value put into it must be JSON-escaped.
 *
 * <p>A walk hands over a site for every string of a body, and few readers want its path (the policy's text
 * collector does): a walk's site builds its path from its holder when first asked. Immutable; equal when path, kind
 * and {@code jsonText} are.
 */
public final class TextSite extends SitePath {

    /** What the dialect knows about a string. Every string is scanned; the kind only labels it. */
    public enum Kind {
        /** A text-bearing field of the dialect: messages, system prompt, input, tool arguments and results. */
        CONVERSATION,
        /** Anything else: user ids, metadata, tool names and descriptions, unknown fields. */
        OTHER,
        /** An object key; the path is that of its object. */
        NAME,
        /**
         * A JSON number, handed over as its literal ({@code 871114403172}); the path is that of the object or array
         * holding it. What the rewriter returns replaces the number: a valid JSON number as a number, anything else
         * as a string, or the request is refused where the API needs a number there.
         */
        NUMBER,
        /**
         * In an answer, a field the API fills in itself (ids, the model's name, timestamps, token counts: see
         * {@code Dialect.answerMetadata}), string or number: restored, never scanned, as no model text goes there.
         */
        METADATA
    }

    private final Kind kind;
    private final boolean jsonText;

    public TextSite(String path, Kind kind, boolean jsonText) {
        super(Objects.requireNonNull(path, "path"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.jsonText = jsonText;
    }

    public TextSite(String path, Kind kind) {
        this(path, kind, false);
    }

    private TextSite(SitePath holder, String segment, Kind kind, boolean jsonText) {
        super(holder, segment);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.jsonText = jsonText;
    }

    /** The site at {@code segment} under {@code holder} (at the holder itself when the segment is null). */
    static TextSite under(SitePath holder, String segment, Kind kind, boolean jsonText) {
        return new TextSite(holder, segment, kind, jsonText);
    }

    /** The path, made when first asked. */
    @Override
    public String path() {
        return super.path();
    }

    public Kind kind() {
        return kind;
    }

    public boolean jsonText() {
        return jsonText;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextSite s
                && s.kind == kind
                && s.jsonText == jsonText
                && s.path().equals(path());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path(), kind, jsonText);
    }

    @Override
    public String toString() {
        return "TextSite[path=" + path() + ", kind=" + kind + ", jsonText=" + jsonText + "]";
    }
}
