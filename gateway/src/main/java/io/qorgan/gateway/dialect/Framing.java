package io.qorgan.gateway.dialect;

/** How a dialect frames a streamed answer. */
public enum Framing {
    /** The dialect does not stream (embeddings). */
    NONE,
    /** Server-Sent Events: {@code event:} and {@code data:} lines, events ended by a blank line. */
    SSE,
    /** One JSON object per line. */
    NDJSON
}
