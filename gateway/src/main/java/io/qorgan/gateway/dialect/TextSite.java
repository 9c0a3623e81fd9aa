package io.qorgan.gateway.dialect;

/**
 * Where a string value (or an object key, {@link Kind#NAME}) sits in a body: a JSON-pointer-like {@code path} (for strings inside a
 * tool call's JSON-encoded arguments, the inner path follows a {@code #}, e.g.
 * {@code /messages/1/tool_calls/0/function/arguments#/city}) and its {@link Kind}.
 *
 * <p>{@code jsonText} is true when the string itself is JSON source text (tool-call arguments in
 * an answer), so a value put into it must be JSON-escaped.
 */
public record TextSite(String path, Kind kind, boolean jsonText) {

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
        NUMBER
    }

    public TextSite(String path, Kind kind) {
        this(path, kind, false);
    }
}
