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
        NAME
    }

    public TextSite(String path, Kind kind) {
        this(path, kind, false);
    }
}
